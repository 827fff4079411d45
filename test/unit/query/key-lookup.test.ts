/**
 * The key lookup (src/query/key-lookup.ts) over a table that offers rows only by key: its rows() throws, so a
 * statement that answers read the row its key names. A value that does not convert exactly falls back to rows(),
 * a `?` is read on every run (a kept plan holds no parameter value), and the rest of WHERE filters the row read.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../grammar/index.js';
import type { SelectStatement } from '../../../grammar/ast.js';
import type { TableSchema } from '../../../src/engine/index.js';
import { encodeKey } from '../../../src/query/dml/keys.js';
import { evaluateSelect } from '../../../src/query/index.js';
import { hasKeptPlan } from '../../../src/query/plan-cache.js';
import type { Table } from '../../../src/query/catalog.js';
import { Decimal, type SqlValue } from '../../../src/result.js';
import { catalog, context } from './helpers.js';

const schema: TableSchema = {
  name: 'kt',
  columns: [
    { name: 'id', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false, autoIncrement: false },
    { name: 'v', type: { base: 'varchar', length: 8 }, nullable: true, autoIncrement: false },
  ],
  primaryKey: [0],
  indexes: [],
};

const ROWS: readonly (readonly SqlValue[])[] = [
  [-5n, 'neg'],
  [4242n, 'hit'],
];

/** The table, with a log of how it was read: 'scan' or the key looked up. */
function keyed(reads: string[]): Table {
  return {
    name: 'kt',
    columns: [
      { name: 'id', type: schema.columns[0]!.type, nullable: false },
      { name: 'v', type: schema.columns[1]!.type, nullable: true },
    ],
    rows: () => {
      reads.push('scan');
      return ROWS;
    },
    keyLookup: {
      schema,
      rows: (index, keys) => {
        reads.push(`key ${index ?? 'PRIMARY'}`);
        return ROWS.filter((r) => keys.includes(encodeKey(schema, [0], [r[0] as bigint, null])));
      },
    },
  };
}

const stmt = (sql: string): SelectStatement => parse(sql).statements[0]!.ast as SelectStatement;

function run(sql: string, params?: readonly SqlValue[], s = stmt(sql)): { rows: unknown; reads: string[] } {
  const reads: string[] = [];
  const out = evaluateSelect(s, catalog(keyed(reads)), context(params === undefined ? {} : { params }));
  if ('errno' in out) throw new Error(out.message);
  return { rows: out.rows.map((r) => r.map(String)), reads };
}

describe('key lookup', () => {
  it('reads the one row a whole key names, either operand order, the rest of WHERE filtering it', () => {
    expect(run('SELECT * FROM kt WHERE id = 4242')).toEqual({ rows: [['4242', 'hit']], reads: ['key PRIMARY'] });
    expect(run('SELECT v FROM kt WHERE -5 = id')).toEqual({ rows: [['neg']], reads: ['key PRIMARY'] });
    expect(run("SELECT v FROM kt WHERE id = 4242 AND v = 'other'")).toEqual({ rows: [], reads: ['key PRIMARY'] });
    expect(run('SELECT v FROM kt WHERE id = 7')).toEqual({ rows: [], reads: ['key PRIMARY'] });
    expect(run('SELECT v FROM kt WHERE id IN (4242, -5, 4242)')).toEqual({ rows: [['neg'], ['hit']], reads: ['key PRIMARY'] });
    expect(run("SELECT v FROM kt WHERE id IN (4242, 'x')").reads).toEqual(['scan']);
  });

  it('converts exactly or scans: strings the comparison reads as integers, whole decimals and doubles; not 4242.5, 4.2425e3 or NULL', () => {
    expect(run("SELECT v FROM kt WHERE id = ' 4242'").reads).toEqual(['key PRIMARY']);
    expect(run('SELECT v FROM kt WHERE id = 4242.000').reads).toEqual(['key PRIMARY']);
    expect(run('SELECT v FROM kt WHERE id = 4.242e3').reads).toEqual(['key PRIMARY']);
    for (const w of ["'4242abc'", '4242.5', '4.2425e3', 'NULL', '9223372036854775808']) expect(run(`SELECT v FROM kt WHERE id = ${w}`).reads, w).toEqual(['scan']);
    expect(run("SELECT v FROM kt WHERE id = '4242abc'").rows).toEqual([['hit']]);
  });

  it('reads a ? on every run: the same statement with new values answers each', () => {
    const s = stmt('SELECT v FROM kt WHERE id = ?');
    expect(run('', [4242n], s)).toEqual({ rows: [['hit']], reads: ['key PRIMARY'] });
    expect(run('', [-5n], s)).toEqual({ rows: [['neg']], reads: ['key PRIMARY'] });
    expect(run('', [-6n], s)).toEqual({ rows: [], reads: ['key PRIMARY'] });
    expect(hasKeptPlan(s)).toBe(true);
    expect(run('', [-5n], s)).toEqual({ rows: [['neg']], reads: ['key PRIMARY'] });
    expect(run('', [new Decimal(42420n, 1)], s)).toEqual({ rows: [['hit']], reads: ['key PRIMARY'] });
    expect(run('', ['4242x'], s)).toEqual({ rows: [['hit']], reads: ['scan'] });
    expect(run('', [null], s)).toEqual({ rows: [], reads: ['scan'] });
  });

  it('a kept plan looks up again in the running statement’s table', () => {
    const s = stmt('SELECT v FROM kt WHERE id = 4242');
    run('', undefined, s);
    expect(hasKeptPlan(s)).toBe(true);
    expect(run('', undefined, s)).toEqual({ rows: [['hit']], reads: ['key PRIMARY'] });
  });
});
