/**
 * DML against a tiny model (STYLE.md §F): random INSERT / UPDATE / DELETE / REPLACE statements, some in
 * transactions that commit or roll back, over a table with a signed primary key and a case-insensitive unique
 * key. After every statement the table (read in primary-key order, no ORDER BY) and the error code, if any, are
 * what a map of rows says: keys sort as integers, 'a' and 'A ' are one unique key, a failed statement writes
 * nothing, and a rolled-back transaction leaves no trace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type EmulatorSession } from '../../src/index.js';
import { seedTitle } from '../support/seed.js';

interface Row {
  id: number;
  u: string | null;
  n: number;
}

type Model = Map<number, Row>;

type Op =
  | { kind: 'insert'; rows: { id: number; u: string | null }[] }
  | { kind: 'replace'; id: number; u: string | null }
  | { kind: 'update'; below: number; by: number }
  | { kind: 'setU'; id: number; u: string | null }
  | { kind: 'delete'; above: number }
  | { kind: 'begin' }
  | { kind: 'commit' }
  | { kind: 'rollback' };

const uniq = fc.option(fc.constantFrom('a', 'A', 'a ', 'b', 'B', 'c'), { nil: null });
const id = fc.integer({ min: -6, max: 6 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), rows: fc.array(fc.record({ id, u: uniq }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('replace' as const), id, u: uniq }),
  fc.record({ kind: fc.constant('update' as const), below: id, by: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ kind: fc.constant('setU' as const), id, u: uniq }),
  fc.record({ kind: fc.constant('delete' as const), above: id }),
  fc.constant({ kind: 'begin' as const }),
  fc.constant({ kind: 'commit' as const }),
  fc.constant({ kind: 'rollback' as const }),
);

const sqlText = (u: string | null): string => (u === null ? 'NULL' : `'${u}'`);
const collate = (u: string | null): string | null => (u === null ? null : u.trimEnd().toUpperCase());

function sql(o: Op): string {
  switch (o.kind) {
    case 'insert':
      return `INSERT INTO m (id, u) VALUES ${o.rows.map((r) => `(${r.id}, ${sqlText(r.u)})`).join(', ')}`;
    case 'replace':
      return `REPLACE INTO m (id, u) VALUES (${o.id}, ${sqlText(o.u)})`;
    case 'update':
      return `UPDATE m SET n = n + ${o.by} WHERE id < ${o.below}`;
    case 'setU':
      return `UPDATE m SET u = ${sqlText(o.u)} WHERE id = ${o.id}`;
    case 'delete':
      return `DELETE FROM m WHERE id > ${o.above}`;
    case 'begin':
      return 'BEGIN';
    case 'commit':
      return 'COMMIT';
    case 'rollback':
      return 'ROLLBACK';
  }
}

function holder(m: Model, u: string | null, except?: number): Row | undefined {
  if (u === null) return undefined;
  for (const r of m.values()) if (r.id !== except && collate(r.u) === collate(u)) return r;
  return undefined;
}

/** The model's answer: the next rows, or the errno the statement fails with (rows unchanged). */
function apply(m: Model, o: Op): Model | number {
  const next = new Map([...m].map(([k, r]) => [k, { ...r }]));
  switch (o.kind) {
    case 'insert':
      for (const r of o.rows) {
        if (next.has(r.id) || holder(next, r.u) !== undefined) return 1062;
        next.set(r.id, { id: r.id, u: r.u, n: 0 });
      }
      return next;
    case 'replace': {
      next.delete(o.id);
      const h = holder(next, o.u);
      if (h !== undefined) next.delete(h.id);
      next.set(o.id, { id: o.id, u: o.u, n: 0 });
      return next;
    }
    case 'update':
      for (const r of next.values()) if (r.id < o.below) r.n += o.by;
      return next;
    case 'setU': {
      const r = next.get(o.id);
      if (r === undefined) return next;
      if (holder(next, o.u, o.id) !== undefined) return 1062;
      r.u = o.u;
      return next;
    }
    case 'delete':
      for (const k of [...next.keys()]) if (k > o.above) next.delete(k);
      return next;
    default:
      return next;
  }
}

function tableOf(s: EmulatorSession): string {
  const r = s.execute('SELECT id, u, n FROM m');
  if (isObError(r) || r.kind !== 'rows') throw new Error('the table could not be read');
  return JSON.stringify(r.resultSet.rows.map((row) => [Number(row[0]), row[1], Number(row[2])]));
}

const modelTable = (m: Model): string => JSON.stringify([...m.values()].sort((a, b) => a.id - b.id).map((r) => [r.id, r.u, r.n]));

describe(seedTitle('DML against a model of rows'), () => {
  it('every statement leaves the rows, and fails with the code, the model says', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const emu = createEmulator({ startTime: '2024-01-31T03:20:00Z' });
        const s = emu.session({ tenant: 'mysql_tenant', database: 'test' });
        const other = emu.session({ tenant: 'mysql_tenant', database: 'test' });
        s.execute('CREATE TABLE m (id INT PRIMARY KEY, u VARCHAR(4), n INT NOT NULL DEFAULT 0, UNIQUE KEY uu (u))');
        let committed: Model = new Map();
        let current: Model = new Map();
        let open = false;
        for (const o of ops) {
          const r = s.execute(sql(o));
          if (o.kind === 'begin' || o.kind === 'commit') {
            committed = current;
            open = o.kind === 'begin';
          } else if (o.kind === 'rollback') {
            current = committed;
            open = false;
          } else {
            const expected = apply(current, o);
            if (typeof expected === 'number') expect(isObError(r) ? r.errno : 'ok', sql(o)).toBe(expected);
            else {
              expect(isObError(r) ? `${r.errno} ${r.message}` : 'ok', sql(o)).toBe('ok');
              current = expected;
              if (!open) committed = current;
            }
          }
          expect(tableOf(s), sql(o)).toBe(modelTable(current));
          expect(tableOf(other), `another session after ${sql(o)}`).toBe(modelTable(committed));
        }
      }),
      { numRuns: 60 },
    );
  });
});
