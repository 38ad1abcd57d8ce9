/**
 * The export formats as the reader chooses them. Apart from the exporters themselves so the library
 * page can list them without loading the export code (and its zod schemas) before its first rows.
 */
import type { ExportFormat } from './types';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string; extension: string }[] = [
  { format: 'markdown', label: 'Markdown', extension: 'md' },
  { format: 'csv', label: 'CSV (spreadsheet)', extension: 'csv' },
  { format: 'json', label: 'JSON backup', extension: 'json' },
  { format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld' },
  { format: 'csl-json', label: 'CSL-JSON (Zotero, pandoc)', extension: 'json' },
  { format: 'bibtex', label: 'BibTeX', extension: 'bib' },
  { format: 'ris', label: 'RIS', extension: 'ris' },
];
