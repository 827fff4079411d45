/**
 * A lazy parser (the fallback when the lookahead table is stale) builds each production's lookahead on first use;
 * a validating parser builds them all during self-analysis. Both must read every statement the same way: the same
 * CST, the same errors at the same tokens.
 */
import { describe, expect, it } from 'vitest';
import { ObSqlParser } from '../../../grammar/parser.js';
import { splitStatements } from '../../../grammar/split.js';
import { tokenize } from '../../../grammar/tokens.js';
import { backupCases } from './cases-backup.js';
import { invalidCases } from './cases-invalid.js';
import { queryCases } from './cases-query.js';

function read(parser: ObSqlParser, text: string): unknown {
  const { tokens, errorAt } = tokenize(text);
  if (errorAt !== null) return { errorAt };
  parser.input = tokens;
  const cst = parser.rules.statement.call(parser);
  return { cst, errors: parser.errors.map((e) => ({ name: e.name, offset: e.token.startOffset })) };
}

describe('lazily built lookahead', () => {
  it('reads every valid and invalid case exactly as the eagerly built parser does', () => {
    const eager = new ObSqlParser('validate');
    const lazy = new ObSqlParser('lazy');
    const texts = [...queryCases, ...backupCases, ...invalidCases].map(([sql]) => sql);
    let compared = 0;
    for (const sql of texts) {
      for (const span of splitStatements(sql)) {
        if (!span.hasContent || span.problemAt !== null) continue;
        const text = sql.slice(span.start, span.end);
        expect(read(lazy, text), text).toEqual(read(eager, text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('swaps each lazy function out of the cache on first use, so later parses call the built one', () => {
    const parser = new ObSqlParser('lazy');
    const texts = [...queryCases, ...backupCases].map(([sql]) => sql);
    for (const text of texts) read(parser, text);
    const cache = (parser as unknown as { lookAheadFuncsCache: Map<number, (...args: unknown[]) => unknown> }).lookAheadFuncsCache;
    expect([...cache.values()].filter((f) => f.name !== 'lazy').length).toBeGreaterThan(50);
    const lazyCalls = new Map<number, number>();
    for (const [key, f] of cache) {
      if (f.name !== 'lazy') continue;
      cache.set(key, function (this: unknown, ...args: unknown[]) {
        lazyCalls.set(key, (lazyCalls.get(key) ?? 0) + 1);
        return f.apply(this, args);
      });
    }
    for (const text of texts) read(parser, text);
    expect([...lazyCalls.keys()]).toEqual([]);
  });
});
