/**
 * The key-ordered scan (ordered-scan.ts): `ORDER BY <unique key> [DESC] LIMIT n` over a table offering keyOrder
 * answers exactly as the general path does, reads only the rows it needs, and every other shape keeps the general
 * path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../grammar/index.js';
import { isObError } from '../../../src/errors.js';
import type { Table } from '../../../src/query/catalog.js';
import { evaluateSelect } from '../../../src/query/index.js';
import type { ResultSet, SqlValue } from '../../../src/result.js';
import { BIG, catalog, context, table, VC } from './helpers.js';

type Row = readonly SqlValue[];

const COLUMNS: [string, typeof BIG, boolean?][] = [
  ['JOB_ID', BIG, false],
  ['RESULT', BIG],
  ['BACKUP_TYPE', VC],
];

/** Column `JOB_ID` as the key, rows in `rows` order (not key order), reads counted. */
function keyed(name: string, rows: readonly Row[]): { table: Table; plain: Table; reads: { rows: number; ascending: number; items: number } } {
  const base = table(name, COLUMNS, rows);
  const reads = { rows: 0, ascending: 0, items: 0 };
  const sorted = [...rows].sort((a, b) => ((a[0] as bigint) < (b[0] as bigint) ? -1 : 1));
  // Counts the rows taken out of the sorted list, to show the scan stops early.
  const counted = new Proxy(sorted, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.items++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return {
    reads,
    // The same table without keyOrder, read uncounted: the general path's answer.
    plain: base,
    table: {
      ...base,
      rows: () => {
        reads.rows++;
        return base.rows();
      },
      keyOrder: {
        column: 0,
        rowsAscending: () => {
          reads.ascending++;
          return counted;
        },
      },
    },
  };
}

function run(sql: string, ...tables: Table[]): ResultSet {
  const parsed = parse(sql);
  const stmt = parsed.statements[0]?.ast;
  if (parsed.error || !stmt || stmt.kind !== 'Select') throw new Error(`did not parse as a SELECT: ${sql}`);
  const r = evaluateSelect(stmt, catalog(...tables), context());
  if (isObError(r)) throw new Error(`${r.errno}: ${r.message}`);
  return r;
}

/** 1,000 jobs in an order other than their ids, every fourth FULL, as the bench's history. */
function history(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 1000; i++) {
    const id = BigInt(((i * 7) % 1000) + 1);
    rows.push([id, 0n, id % 4n === 1n ? 'FULL' : 'INC']);
  }
  return rows;
}

const JOB_QUERY = "SELECT job_id, result, backup_type FROM DBA_OB_BACKUP_JOB_HISTORY WHERE backup_type = 'FULL' order by job_id DESC LIMIT 1";

describe('ORDER BY <unique key> LIMIT n reads in key order', () => {
  it("answers the operator's job query from the last few rows, never reading rows()", () => {
    const { table: t, plain, reads } = keyed('DBA_OB_BACKUP_JOB_HISTORY', history());
    const r = run(JOB_QUERY, t);
    expect(r.rows).toEqual([[997n, 0n, 'FULL']]);
    expect(r).toEqual(run(JOB_QUERY, plain));
    expect(reads.rows).toBe(0);
    expect(reads.ascending).toBe(1);
    // 1000, 999, 998 fail the WHERE; 997 matches and ends the scan.
    expect(reads.items).toBe(4);
  });

  it('ASC, OFFSET, table-qualified and aliased keys take the scan too', () => {
    for (const sql of [
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY JOB_ID LIMIT 2 OFFSET 3',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY WHERE result = 0 ORDER BY dba_ob_backup_job_history.job_id DESC LIMIT 3, 2',
      'SELECT h.job_id FROM DBA_OB_BACKUP_JOB_HISTORY h ORDER BY H.JOB_ID DESC LIMIT 5',
      'SELECT job_id AS k FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY k DESC LIMIT 5',
    ]) {
      const { table: t, plain, reads } = keyed('DBA_OB_BACKUP_JOB_HISTORY', history());
      expect(run(sql, t), sql).toEqual(run(sql, plain));
      expect([reads.rows, reads.ascending], sql).toEqual([0, 1]);
      expect(reads.items, sql).toBeLessThanOrEqual(10);
    }
  });

  it('LIMIT 0 reads nothing', () => {
    const { table: t, plain, reads } = keyed('DBA_OB_BACKUP_JOB_HISTORY', history());
    expect(run('SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC LIMIT 0', t).rows).toEqual([]);
    expect(reads.items).toBe(0);
  });

  it('every other shape keeps the general path, with the same answer as without keyOrder', () => {
    const other = table('DBA_OB_TENANTS', [['TENANT_ID', BIG, false]], [[1n], [1002n]]);
    for (const sql of [
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC',
      'SELECT backup_type, MAX(job_id) FROM DBA_OB_BACKUP_JOB_HISTORY GROUP BY backup_type ORDER BY job_id DESC LIMIT 1',
      'SELECT COUNT(*) FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC LIMIT 1',
      'SELECT DISTINCT backup_type FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC LIMIT 1',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC, result LIMIT 1',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY result, job_id LIMIT 1',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id + 0 DESC LIMIT 1',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY 1 DESC LIMIT 1',
      'SELECT result AS job_id FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC LIMIT 1',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY, DBA_OB_TENANTS ORDER BY job_id DESC LIMIT 1',
      'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY JOIN DBA_OB_TENANTS ON tenant_id = 1002 ORDER BY job_id DESC LIMIT 1',
    ]) {
      const { table: t, plain, reads } = keyed('DBA_OB_BACKUP_JOB_HISTORY', history());
      expect(run(sql, t, other), sql).toEqual(run(sql, plain, other));
      expect(reads.ascending, sql).toBe(0);
      expect(reads.rows, sql).toBeGreaterThan(0);
    }
  });

  it('a BIGINT overflow in WHERE on a row beyond the answer is not reached, as with an index scan', () => {
    // 1690 on every row but job 1000: the general path reads them all and fails; the scan stops at job 1000.
    const sql = 'SELECT job_id FROM DBA_OB_BACKUP_JOB_HISTORY WHERE 1000 = job_id OR job_id * 9223372036854775807 > 0 ORDER BY job_id DESC LIMIT 1';
    const { table: t, plain } = keyed('DBA_OB_BACKUP_JOB_HISTORY', history());
    expect(run(sql, t).rows).toEqual([[1000n]]);
    const stmt = parse(sql).statements[0]?.ast;
    if (stmt?.kind !== 'Select') throw new Error('parse');
    const general = evaluateSelect(stmt, catalog(plain), context());
    expect(isObError(general) ? general.errno : 'rows').toBe(1690);
  });
});

const WHERES = [
  '',
  'WHERE result = 0',
  'WHERE result > 1',
  'WHERE result IS NULL',
  "WHERE backup_type = 'FULL'",
  "WHERE backup_type <> 'INC' OR result < 2",
  'WHERE job_id < 40 AND result IS NOT NULL',
  "WHERE backup_type LIKE 'F%' AND job_id BETWEEN 5 AND 60",
  'WHERE result IN (1, 3)',
  "WHERE backup_type = 'NONE'",
];

describe('the key-ordered scan agrees with the general path (property)', () => {
  it('random histories and queries of the eligible shape give identical results', () => {
    const rowArb = fc.tuple(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), fc.option(fc.constantFrom('FULL', 'INC'), { nil: null }));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 80 }), { maxLength: 40 }),
        fc.array(rowArb, { minLength: 40, maxLength: 40 }),
        fc.constantFrom(...WHERES),
        fc.boolean(),
        fc.integer({ min: 0, max: 45 }),
        fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
        fc.constantFrom('*', 'job_id, backup_type', 'h.result, h.job_id', 'job_id AS id, result'),
        fc.constantFrom('job_id', 'h.job_id', 'JOB_ID'),
        (ids, extra, where, desc, limit, offset, items, key) => {
          const rows: Row[] = ids.map((id, i) => [BigInt(id), extra[i]?.[0] === null || extra[i] === undefined ? null : BigInt(extra[i]![0]), extra[i]?.[1] ?? null]);
          const sql = `SELECT ${items} FROM DBA_OB_BACKUP_JOB_HISTORY h ${where} ORDER BY ${key} ${desc ? 'DESC' : 'ASC'} LIMIT ${offset === undefined ? '' : `${offset}, `}${limit}`;
          const { table: t, plain, reads } = keyed('DBA_OB_BACKUP_JOB_HISTORY', rows);
          expect(run(sql, t)).toEqual(run(sql, plain));
          expect(reads.rows).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
