/** The part of citation-js the tests use (the packages ship no type declarations). */
declare module '@citation-js/core' {
  /** CSL-JSON items, as citation-js reads them from any format its plugins know. */
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
