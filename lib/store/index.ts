export * from './annotations';
export { StoreError, toStoreError, type StoreAction, type StoreFailure } from './errors';
export { DATABASE_NAME, ScrutinyDatabase, openAnnotationStore } from './schema';
export { MAX_NOTE_LENGTH, MAX_PASSAGE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from './validate';
export * from './library';
export type { StoredCollection, SettingRecord } from './schema';
export { readExportData } from './export-data';
export {
  applyImport,
  importInto,
  importModes,
  importText,
  readImportFile,
  type ImportOutcome,
  type ImportSource,
  type ImportTextResult,
  type ImportWrite,
  type ReadImportFile,
} from './import';
