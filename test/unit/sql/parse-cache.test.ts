/** The statement-text parse cache: same answers as parseSql, bounded, least recently used evicted, frozen. */
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../../src/sql/parse-cache.js';
import { parseSql } from '../../../src/sql/parse.js';

const TEXTS = [
  'SELECT 1',
  "SELECT job_id, status FROM DBA_OB_BACKUP_JOB_HISTORY WHERE backup_type = 'FULL' order by job_id DESC LIMIT 1",
  'SELECT 1; SELECT 2',
  'ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG',
  'SELECT 1; SELEC 2',
  'SELECT',
  '',
  'SET @a = 1; SELECT @a',
];

describe('ParseCache', () => {
  it('answers exactly what parseSql answers, hits and misses alike', () => {
    const cache = new ParseCache();
    for (const sql of TEXTS) {
      expect(cache.parse(sql)).toEqual(parseSql(sql));
      expect(cache.parse(sql)).toEqual(parseSql(sql));
    }
  });

  it('returns the kept result for a text seen before', () => {
    const cache = new ParseCache();
    const first = cache.parse('SELECT 1');
    expect(cache.parse('SELECT 1')).toBe(first);
    expect(cache.parse('select 1')).not.toBe(first);
    expect(cache.size).toBe(2);
  });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = new ParseCache(2);
    const a = cache.parse('SELECT 1');
    const b = cache.parse('SELECT 2');
    expect(cache.parse('SELECT 1')).toBe(a); // now SELECT 2 is the oldest
    cache.parse('SELECT 3');
    expect(cache.size).toBe(2);
    expect(cache.parse('SELECT 1')).toBe(a);
    expect(cache.parse('SELECT 2')).not.toBe(b);
  });

  it('never keeps a text longer than maxTextLength', () => {
    const cache = new ParseCache(10, 20);
    const long = `SELECT ${'1 + '.repeat(10)}1`;
    expect(cache.parse(long)).not.toBe(cache.parse(long));
    expect(cache.size).toBe(0);
  });

  it('freezes what it shares, so no consumer can change a statement for the others', () => {
    const cache = new ParseCache();
    const result = cache.parse("SELECT a FROM t WHERE b = 'x'; SELEC");
    const ast = result.statements[0]?.ast as unknown as Record<string, unknown>;
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(ast)).toBe(true);
    expect(Object.isFrozen(ast.where)).toBe(true);
    expect(Object.isFrozen(result.error)).toBe(true);
    expect(() => {
      ast.distinct = true;
    }).toThrow(TypeError);
  });
});
