/**
 * `SELECT *` over one table answers with the table's own frozen rows when their values already have their columns'
 * types (so the wire can keep their encodings), and with typed copies otherwise; isCoerced says exactly when
 * coerceValue would return a value unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../grammar/index.js';
import { isObError } from '../../../src/errors.js';
import type { Table } from '../../../src/query/catalog.js';
import { coerceValue, isCoerced } from '../../../src/query/coerce.js';
import { evaluateSelect } from '../../../src/query/index.js';
import { Decimal, Temporal, type ResultSet, type SqlType, type SqlValue } from '../../../src/result.js';
import { BIG, catalog, context, TS6, VC } from './helpers.js';

function run(sql: string, t: Table): ResultSet {
  const stmt = parse(sql).statements[0]?.ast;
  if (stmt?.kind !== 'Select') throw new Error(sql);
  const r = evaluateSelect(stmt, catalog(t), context());
  if (isObError(r)) throw new Error(r.message);
  return r;
}

const COLUMNS = [
  { name: 'JOB_ID', type: BIG, nullable: false },
  { name: 'STATUS', type: VC, nullable: true },
  { name: 'START_TIMESTAMP', type: TS6, nullable: true },
];

const jobs = (rows: readonly (readonly SqlValue[])[]): Table => ({ name: 'DBA_OB_BACKUP_JOB_HISTORY', columns: COLUMNS, rows: () => rows });

describe('SELECT * passes frozen, typed rows through', () => {
  const typedRow = Object.freeze([1n, 'COMPLETED', new Temporal('TIMESTAMP', 1714564800000000n)]);

  it('answers with the very rows of the table', () => {
    const r = run('SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY WHERE job_id > 0', jobs([typedRow]));
    expect(r.rows[0]).toBe(typedRow);
    expect(run('SELECT h.* FROM DBA_OB_BACKUP_JOB_HISTORY h ORDER BY job_id LIMIT 5', jobs([typedRow])).rows[0]).toBe(typedRow);
  });

  it('copies rows that are not frozen, and rows of any other select list', () => {
    const open = [1n, 'COMPLETED', null];
    const r = run('SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY', jobs([open]));
    expect(r.rows[0]).not.toBe(open);
    expect(r.rows[0]).toEqual(open);
    const listed = run('SELECT job_id, status, start_timestamp FROM DBA_OB_BACKUP_JOB_HISTORY', jobs([typedRow]));
    expect(listed.rows[0]).not.toBe(typedRow);
    expect(listed.rows[0]).toEqual(typedRow);
  });

  it('a frozen row with a value of another type is answered as a typed copy', () => {
    // A number where the column is BIGINT: coerced to 2n, as every path does.
    const loose = Object.freeze([2, 'DOING', null] as SqlValue[]);
    const r = run('SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY', jobs([loose]));
    expect(r.rows[0]).not.toBe(loose);
    expect(r.rows[0]).toEqual([2n, 'DOING', null]);
  });
});

describe('isCoerced', () => {
  const types: SqlType[] = [
    BIG,
    { base: 'int', width: 11, unsigned: false },
    { base: 'decimal', precision: 10, scale: 2 },
    { base: 'decimal', precision: 10, scale: 0 },
    { base: 'double' },
    VC,
    { base: 'longtext' },
    TS6,
    { base: 'datetime', fsp: 0 },
    { base: 'date' },
  ];
  const values = fc.oneof(
    fc.constant(null),
    fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom('1', 'x', '2024-05-01 12:00:00', ''),
    fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.nat({ max: 4 })).map(([u, s]) => new Decimal(u, s)),
    fc.tuple(fc.constantFrom<Temporal['type']>('TIMESTAMP', 'DATETIME', 'DATE'), fc.bigInt({ min: 0n, max: 4_000_000_000_000_000n })).map(([k, us]) => new Temporal(k, us)),
  );

  it('is true exactly when coerceValue gives the value itself back (property)', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(...types), (v, t) => {
        expect(isCoerced(v, t)).toBe(coerceValue(v, t, 6, '+08:00') === v);
      }),
      { numRuns: 2000 },
    );
  });
});
