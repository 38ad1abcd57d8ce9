/**
 * Reading schema.org JSON-LD defensively: pages ship malformed, huge, deeply nested and hostile
 * JSON-LD, so parsing is capped, keys that could reach a prototype are dropped, and the walk over
 * the parsed value is iterative with a depth limit.
 */

export const JSONLD_MAX_BYTES = 8_000_000;
const MAX_DEPTH = 40;
const MAX_NODES = 50_000;

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
  'report',
  'medicalscholarlyarticle',
]);

export interface JsonLdResult {
  /** Every object with an @type, in document order, with `@id` references resolvable through `byId`. */
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
  warnings: string[];
}

/** JSON.parse with `__proto__`, `constructor` and `prototype` keys dropped. */
function parseWithoutPrototypeKeys(text: string): JsonValue {
  return JSON.parse(text, (key, value: JsonValue) =>
    key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value,
  ) as JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse every `<script type="application/ld+json">` of a document. Never throws. */
export function readJsonLd(doc: Document): JsonLdResult {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const warnings: string[] = [];
  const scripts = Array.from(doc.querySelectorAll('script[type]')).filter((script) =>
    /^application\/ld\+json\b/i.test(script.getAttribute('type') ?? ''),
  );
  let malformed = 0;
  for (const script of scripts.slice(0, 50)) {
    const text = script.textContent ?? '';
    if (text.length > JSONLD_MAX_BYTES) {
      warnings.push(
        `Skipped a ${(text.length / 1e6).toFixed(1)} MB block of structured data (JSON-LD): larger than ${JSONLD_MAX_BYTES / 1e6} MB.`,
      );
      continue;
    }
    let parsed: JsonValue;
    try {
      // Some CMSs wrap JSON-LD in HTML comments or CDATA.
      parsed = parseWithoutPrototypeKeys(
        text.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[)|(?:-->|\/\/\]\]>)\s*$/g, ''),
      );
    } catch {
      malformed++;
      continue;
    }
    collectNodes(parsed, nodes, byId);
  }
  if (malformed > 0) {
    warnings.push(
      `Ignored ${malformed === 1 ? 'a block' : `${malformed} blocks`} of structured data (JSON-LD) that could not be read.`,
    );
  }
  return { nodes, byId, warnings };
}

/** Walk a parsed JSON-LD value breadth-first and collect typed objects, with depth and count limits. */
function collectNodes(root: JsonValue, nodes: JsonObject[], byId: Map<string, JsonObject>): void {
  const queue: Array<[JsonValue, number]> = [[root, 0]];
  let visited = 0;
  for (let head = 0; head < queue.length; head++) {
    const [value, depth] = queue[head]!;
    if (++visited > MAX_NODES || depth > MAX_DEPTH) break;
    if (Array.isArray(value)) {
      for (const item of value) queue.push([item, depth + 1]);
      continue;
    }
    if (!isJsonObject(value)) continue;
    if (value['@type'] !== undefined) nodes.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (typeof child === 'object' && child !== null) queue.push([child, depth + 1]);
    }
  }
}

/** The lower-cased @type names of a node (a string or an array of strings). */
export function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

export function isArticleNode(node: JsonObject): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t));
}

/** Follow an `{"@id": …}` reference to its full node, when the page defines one. */
export function resolveRef(
  value: JsonValue | undefined,
  byId: Map<string, JsonObject>,
): JsonValue | undefined {
  if (isJsonObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

/** The first string among a value, an array of values, or `{"@value": …}` objects. */
export function firstString(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstString(item);
      if (found) return found;
    }
    return null;
  }
  if (isJsonObject(value)) return firstString(value['@value']) ?? firstString(value['name']);
  return null;
}
