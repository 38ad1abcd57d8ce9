/**
 * One copy of each string and list that many records repeat. The library holds 100,000 highlights and
 * notes in memory, and each one read from the database brings its own copy of its page's address, title
 * and keys, and of its article's authors; kept once, they stop filling the catalog's heap.
 * Values are never forgotten, so a SharedValues lives as long as the records it serves: rebuild it with them.
 */
export class SharedValues {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  list(values: readonly string[]): readonly string[] {
    const key = JSON.stringify(values);
    const known = this.lists.get(key);
    if (known) return known;
    const list = Object.freeze(values.map((value) => this.string(value)));
    this.lists.set(key, list);
    return list;
  }
}
