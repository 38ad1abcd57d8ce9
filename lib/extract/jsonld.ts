/**
 * Reading schema.org JSON-LD defensively: pages ship malformed, huge, deeply nested and hostile
 * JSON-LD, so parsing is capped, keys that could reach a prototype are dropped, and every walk over
 * the parsed value is iterative with a depth limit.
 */

/** Largest single JSON-LD block parsed. */
export const JSONLD_MAX_BYTES = 8_000_000;
/** Most JSON-LD text parsed per page, all blocks together. */
export const JSONLD_MAX_TOTAL_BYTES = 16_000_000;
const MAX_BLOCKS = 50;
/** Values nested deeper than this are dropped: metadata sits within a few levels of the top. */
const MAX_DEPTH = 40;
/** Objects and arrays kept per block. */
const MAX_NODES = 50_000;
/** Items kept per array and keys per object: authors, types and graphs are short lists. */
const MAX_ENTRIES = 1_000;

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
  'advertisercontentarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
  'report',
  'medicalscholarlyarticle',
]);

/** Keys that name or reach an object's prototype; never copied out of page data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonLdResult {
  /** Every object with an @type, in document order, with `@id` references resolvable through `byId`. */
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
  warnings: string[];
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of a parsed JSON value that is safe to read anywhere: objects have no prototype (so no key
 * can shadow or reach Object.prototype), prototype keys are dropped, values deeper than `MAX_DEPTH`
 * are dropped, and at most `MAX_NODES` objects and arrays of `MAX_ENTRIES` entries each are kept.
 * Iterative, because JSON.parse itself accepts nesting far deeper than the call stack (a JSON.parse
 * reviver does not: it recurses, which is why keys are not filtered with one).
 */
export function pruneJson(root: unknown): JsonValue {
  const copyOf = (value: unknown, depth: number): JsonValue | undefined => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value !== 'object' || depth > MAX_DEPTH || kept >= MAX_NODES) return undefined;
    kept++;
    const copy: JsonValue = Array.isArray(value) ? [] : (Object.create(null) as JsonObject);
    pending.push([value as object, copy, depth]);
    return copy;
  };
  let kept = 0;
  const pending: Array<[object, JsonValue[] | JsonObject, number]> = [];
  const top = copyOf(root, 0) ?? null;
  while (pending.length > 0) {
    const [source, copy, depth] = pending.pop()!;
    if (Array.isArray(source)) {
      for (const item of (source as unknown[]).slice(0, MAX_ENTRIES)) {
        const value = copyOf(item, depth + 1);
        if (value !== undefined) (copy as JsonValue[]).push(value);
      }
      continue;
    }
    for (const key of Object.keys(source).slice(0, MAX_ENTRIES)) {
      if (PROTOTYPE_KEYS.has(key)) continue;
      const value = copyOf((source as Record<string, unknown>)[key], depth + 1);
      if (value !== undefined) (copy as JsonObject)[key] = value;
    }
  }
  return top;
}

/** Parse every `<script type="application/ld+json">` of a document. Never throws. */
export function readJsonLd(doc: Document): JsonLdResult {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const warnings: string[] = [];
  const scripts = Array.from(doc.querySelectorAll('script[type]')).filter((script) =>
    /^\s*application\/ld\+json\b/i.test(script.getAttribute('type') ?? ''),
  );
  let malformed = 0;
  let skipped = 0;
  let parsedBytes = 0;
  for (const script of scripts.slice(0, MAX_BLOCKS)) {
    const text = script.textContent ?? '';
    if (text.length > JSONLD_MAX_BYTES) {
      warnings.push(
        `Skipped a ${(text.length / 1e6).toFixed(1)} MB block of structured data (JSON-LD): larger than ${JSONLD_MAX_BYTES / 1e6} MB.`,
      );
      continue;
    }
    if (parsedBytes + text.length > JSONLD_MAX_TOTAL_BYTES) {
      skipped++;
      continue;
    }
    parsedBytes += text.length;
    let parsed: unknown;
    try {
      // Some CMSs wrap JSON-LD in HTML comments or CDATA.
      parsed = JSON.parse(text.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[)|(?:-->|\/\/\]\]>)\s*$/g, ''));
    } catch {
      malformed++;
      continue;
    }
    collectNodes(pruneJson(parsed), nodes, byId);
  }
  if (malformed > 0) {
    warnings.push(
      `Ignored ${malformed === 1 ? 'a block' : `${malformed} blocks`} of structured data (JSON-LD) that could not be read.`,
    );
  }
  if (skipped > 0 || scripts.length > MAX_BLOCKS) {
    warnings.push(
      `Read only part of this page's structured data (JSON-LD): it has more than ${JSONLD_MAX_TOTAL_BYTES / 1e6} MB or more than ${MAX_BLOCKS} blocks of it.`,
    );
  }
  return { nodes, byId, warnings };
}

/** Walk a pruned JSON-LD value breadth-first and collect typed objects, with depth and count limits. */
function collectNodes(root: JsonValue, nodes: JsonObject[], byId: Map<string, JsonObject>): void {
  const queue: Array<[JsonValue, number]> = [[root, 0]];
  for (let head = 0; head < queue.length && head < MAX_NODES; head++) {
    const [value, depth] = queue[head]!;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) queue.push([item, depth + 1]);
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

/** The first string among a value, an array of values, or `{"@value": …}` / `{"name": …}` objects. */
export function firstString(value: JsonValue | undefined, depth = 0): string | null {
  // Pruned values are at most MAX_DEPTH deep, but callers may pass any JSON; a name is never deep.
  if (depth > 8) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 100)) {
      const found = firstString(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (isJsonObject(value))
    return firstString(value['@value'], depth + 1) ?? firstString(value['name'], depth + 1);
  return null;
}
