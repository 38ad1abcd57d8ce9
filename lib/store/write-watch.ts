import type { Dexie } from 'dexie';

/**
 * Calls `listener` each time this connection is about to write to one of `tables` (add, put, delete, a
 * range deleted), whatever store function does it: one place instead of a call beside every write.
 * The call comes inside the write's transaction, before the write: a transaction reading those tables
 * that is created after the call is ordered after the write's, and sees it.
 * Must be installed before the database opens.
 */
export function watchWrites(db: Dexie, tables: readonly string[], listener: (table: string) => void): void {
  db.use({
    stack: 'dbcore',
    name: 'scrutiny-watch-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate: (request) => {
            try {
              listener(name);
            } catch {
              // Hearing of a write must never stand in the way of the write itself.
            }
            return table.mutate(request);
          },
        };
      },
    }),
  });
}
