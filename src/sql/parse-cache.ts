/**
 * A bounded LRU of parse results keyed by the exact statement text. Clients send the same few statements over and
 * over (pollers, operators, drivers' connect-time queries), and parsing is most of what a simple query costs.
 *
 * Sharing a result is correct because parsing reads nothing but the text (no session state: no sql_mode, no
 * tenant mode) and its result is immutable data; cached results are deep-frozen, so a consumer that tried to
 * change an AST would fail loudly instead of corrupting the statement for every other session.
 */
import { parseSql, type SqlParseResult } from './parse.js';

export class ParseCache {
  readonly #entries = new Map<string, SqlParseResult>();
  /**
   * The most recently used text and its result: asked again (a poller, a pool's validation query), it is compared
   * with this text instead of hashed for the map, and needs no reordering.
   */
  #newest: { readonly sql: string; readonly result: SqlParseResult } | undefined;

  /**
   * `maxEntries` bounds the count; texts longer than `maxTextLength` are parsed but never kept, so the memory held
   * stays under about maxEntries × (maxTextLength + its AST).
   */
  constructor(
    readonly maxEntries = 512,
    readonly maxTextLength = 4096,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The same result parseSql(sql) gives, from the cache when the text was seen recently. */
  parse(sql: string): SqlParseResult {
    const newest = this.#newest;
    if (newest !== undefined && newest.sql === sql) return newest.result;
    const hit = this.#entries.get(sql);
    if (hit !== undefined) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
      this.#entries.delete(sql);
      this.#entries.set(sql, hit);
      this.#newest = { sql, result: hit };
      return hit;
    }
    const result = parseSql(sql);
    if (sql.length > this.maxTextLength || this.maxEntries <= 0) return result;
    deepFreeze(result);
    this.#entries.set(sql, result);
    this.#newest = { sql, result };
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return result;
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
