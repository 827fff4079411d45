/**
 * Kept plans of statements with `?` (param-slots.ts, plan-cache.ts): one plan serves every run whose values have
 * the same types, and reads each run's own values; a plan that folded a value in while it was built (LIMIT ?, a
 * constant row) is never kept, and every run still answers with its own values.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../grammar/index.js';
import type { SelectStatement } from '../../../grammar/ast.js';
import { evaluateSelect } from '../../../src/query/index.js';
import { hasKeptPlan } from '../../../src/query/plan-cache.js';
import type { SqlValue } from '../../../src/result.js';
import { BIG, VC, catalog, context, table } from './helpers.js';

const jobs = table(
  'JOBS',
  [
    ['ID', BIG, false],
    ['NAME', VC],
  ],
  [
    [1n, 'one'],
    [2n, 'two'],
    [3n, 'three'],
    [12n, 'twelve'],
  ],
);

const stmt = (sql: string): SelectStatement => parse(sql).statements[0]!.ast as SelectStatement;

function run(s: SelectStatement, params: readonly SqlValue[]): unknown {
  const out = evaluateSelect(s, catalog(jobs), context({ params }));
  if ('errno' in out) throw new Error(out.message);
  return out.rows.map((r) => r.map(String));
}

describe('kept plans with ? values', () => {
  it('one plan answers each run with its own values of the same types', () => {
    const s = stmt('SELECT NAME FROM JOBS WHERE ID = ? OR NAME = ?');
    expect(run(s, [1n, 'three'])).toEqual([['one'], ['three']]);
    expect(hasKeptPlan(s)).toBe(true);
    expect(run(s, [2n, 'three'])).toEqual([['two'], ['three']]);
    expect(run(s, [3n, 'twooo'])).toEqual([['three']]);
  });

  it('values of other types get a plan of their own, and still their own answer', () => {
    const s = stmt('SELECT NAME FROM JOBS WHERE ID = ?');
    expect(run(s, [1n])).toEqual([['one']]);
    expect(run(s, [12n])).toEqual([['twelve']]);
    expect(run(s, ['2'])).toEqual([['two']]);
    expect(run(s, [null])).toEqual([]);
    expect(run(s, [3])).toEqual([['three']]);
    expect(run(s, [1n])).toEqual([['one']]);
  });

  it('a value folded in while the plan is built (LIMIT ?, SELECT ?) keeps no plan', () => {
    const limit = stmt('SELECT ID FROM JOBS ORDER BY ID LIMIT ?');
    expect(run(limit, [1n])).toEqual([['1']]);
    expect(hasKeptPlan(limit)).toBe(false);
    expect(run(limit, [2n])).toEqual([['1'], ['2']]);
    const constant = stmt('SELECT ?, ? + 1');
    expect(run(constant, [5n, 6n])).toEqual([['5', '7']]);
    expect(hasKeptPlan(constant)).toBe(false);
    expect(run(constant, [7n, 8n])).toEqual([['7', '9']]);
  });
});
