/** The extension's IndexedDB database: on its own, so a script can name it without loading Dexie. */
export const DATABASE_NAME = 'scrutiny';
