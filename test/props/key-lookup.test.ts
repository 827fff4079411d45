/**
 * Key lookup against the scan (src/query/key-lookup.ts, dml/exact-key.ts): random tables (integer, unsigned,
 * decimal, text and composite primary keys, a unique secondary key), random rows, and random WHERE shapes that
 * name a key (or an IN list over one) with values of every kind (NULL, strings that are and are not numbers, negative and out-of-range
 * integers, fractions and decimals against integer keys, doubles, accents against text keys). `WHERE w` may read by
 * key; `WHERE (w) OR 0 = 1` names no key and scans. Both must answer alike, for SELECT and for UPDATE / DELETE
 * (run on two emulators with the same rows), outside and inside a transaction with pending writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type EmulatorSession, type StatementResult } from '../../src/index.js';
import { seedTitle } from '../support/seed.js';

interface Shape {
  /** Column types of a and b; the primary key is (a) or (a, b). */
  readonly a: string;
  readonly b: string;
  readonly composite: boolean;
}

const TYPES = ['BIGINT', 'INT UNSIGNED', 'TINYINT', 'DECIMAL(6,2)', 'VARCHAR(8)'] as const;

const shape: fc.Arbitrary<Shape> = fc.record({ a: fc.constantFrom(...TYPES), b: fc.constantFrom(...TYPES), composite: fc.boolean() });

/** Literals for stored values (some rejected by a column: the INSERT then fails and is skipped). */
const stored = fc.constantFrom('0', '1', '-1', '7', '12', '-128', '127', '255', '1.5', '-2.25', '12.00', "'ab'", "'AB'", "'áb'", "'01'", "'1'", "'x '");

/** Literals a WHERE compares a key with. */
const compared = fc.constantFrom(
  ...['0', '-0', '1', '-1', '7', '12', '12.0', '12.5', '1.50', '-2.25', '1.5e0', '1.2e1', '127', '128', '-129', '255', '256', '9223372036854775808'],
  ...["'12'", "' 12'", "'12abc'", "'1.5'", "'x'", "'ab'", "'AB '", "'ab'", "'01'", "'-1'", 'NULL', 'TRUE'],
);

type Where =
  | { kind: 'a'; v: string; flip: boolean }
  | { kind: 'ab'; v: string; w: string }
  | { kind: 'u'; v: string }
  | { kind: 'aAndX'; v: string; x: number }
  | { kind: 'in'; column: 'a' | 'u'; list: string[] };

const where: fc.Arbitrary<Where> = fc.oneof(
  fc.record({ kind: fc.constant('a' as const), v: compared, flip: fc.boolean() }),
  fc.record({ kind: fc.constant('ab' as const), v: compared, w: compared }),
  fc.record({ kind: fc.constant('u' as const), v: compared }),
  fc.record({ kind: fc.constant('aAndX' as const), v: compared, x: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('in' as const), column: fc.constantFrom('a' as const, 'u' as const), list: fc.array(compared, { minLength: 1, maxLength: 4 }) }),
);

function whereText(w: Where): string {
  switch (w.kind) {
    case 'a':
      return w.flip ? `${w.v} = a` : `a = ${w.v}`;
    case 'ab':
      return `b = ${w.w} AND a = ${w.v}`;
    case 'u':
      return `u = ${w.v}`;
    case 'aAndX':
      return `a = ${w.v} AND x < ${w.x}`;
    case 'in':
      return `${w.column} IN (${w.list.join(', ')})`;
  }
}

interface Row {
  readonly a: string;
  readonly b: string;
  readonly u: number | null;
  readonly x: number;
}

const row: fc.Arbitrary<Row> = fc.record({ a: stored, b: stored, u: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), x: fc.integer({ min: 0, max: 3 }) });

/** Writes a transaction makes before its queries: new rows, changed x, deleted rows (by a scan, never by key). */
type Pending = { kind: 'insert'; row: Row } | { kind: 'bump'; x: number } | { kind: 'delete'; x: number };

const pending: fc.Arbitrary<Pending> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), row }),
  fc.record({ kind: fc.constant('bump' as const), x: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), x: fc.integer({ min: 0, max: 3 }) }),
);

function pendingText(p: Pending): string {
  switch (p.kind) {
    case 'insert':
      return insertText(p.row);
    case 'bump':
      return `UPDATE p SET x = x + 1 WHERE x = ${p.x}`;
    case 'delete':
      return `DELETE FROM p WHERE x = ${p.x}`;
  }
}

const insertText = (r: Row): string => `INSERT INTO p VALUES (${r.a}, ${r.b}, ${r.u ?? 'NULL'}, ${r.x})`;

function ddl(s: Shape): string {
  const key = s.composite ? 'a, b' : 'a';
  return `CREATE TABLE p (a ${s.a} NOT NULL, b ${s.b} NOT NULL, u INT, x INT NOT NULL, PRIMARY KEY (${key}), UNIQUE KEY uu (u))`;
}

/** A result as comparable text: rows as their cells, OK as its counts, an error as its code. */
function text(r: StatementResult): string {
  if (isObError(r)) return `error ${r.errno}`;
  if (r.kind === 'rows') return JSON.stringify(r.resultSet.rows.map((cells) => cells.map(String)));
  const { affectedRows, foundRows } = r as { affectedRows?: number; foundRows?: number };
  return `ok ${affectedRows ?? 0} ${foundRows ?? ''}`;
}

function session(s: Shape, rows: readonly Row[], writes: readonly Pending[]): EmulatorSession {
  const db = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant: 'mysql_tenant', database: 'test' });
  expect(text(db.execute(ddl(s)))).toMatch(/^ok/);
  for (const r of rows) db.execute(insertText(r));
  if (writes.length > 0) db.execute('BEGIN');
  for (const p of writes) db.execute(pendingText(p));
  return db;
}

const table = (db: EmulatorSession): string => text(db.execute('SELECT * FROM p ORDER BY a, b'));

describe(seedTitle('key lookup answers as the scan does'), () => {
  it('SELECT, UPDATE and DELETE by key, committed and with pending writes', () => {
    fc.assert(
      fc.property(
        shape,
        fc.array(row, { maxLength: 12 }),
        fc.array(pending, { maxLength: 4 }),
        fc.array(where, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('UPDATE p SET x = x + 10 WHERE', 'DELETE FROM p WHERE'),
        (s, rows, writes, wheres, dml) => {
          const byKey = session(s, rows, writes);
          const byScan = session(s, rows, writes);
          for (const w of wheres) {
            const sql = `SELECT * FROM p WHERE ${whereText(w)}`;
            expect(text(byKey.execute(sql)), sql).toBe(text(byScan.execute(`SELECT * FROM p WHERE (${whereText(w)}) OR 0 = 1`)));
          }
          for (const w of wheres) {
            const sql = `${dml} ${whereText(w)}`;
            expect(text(byKey.execute(sql)), sql).toBe(text(byScan.execute(`${dml} (${whereText(w)}) OR 0 = 1`)));
            expect(table(byKey), sql).toBe(table(byScan));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
