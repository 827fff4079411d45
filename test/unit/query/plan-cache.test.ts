/**
 * Kept plans (plan-cache.ts): a statement run again answers exactly as a statement planned afresh, over the rows,
 * schemas and session of the run, never those of the run that made the plan; statements whose plans read the
 * session beyond its time zone and database are never kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SelectStatement } from '../../../grammar/ast.js';
import { parse } from '../../../grammar/index.js';
import { isObError } from '../../../src/errors.js';
import type { Catalog, EvalContext, Table } from '../../../src/query/catalog.js';
import { describeSelect, evaluateSelect } from '../../../src/query/index.js';
import { hasKeptPlan } from '../../../src/query/plan-cache.js';
import { Temporal, type ColumnDef, type SqlValue } from '../../../src/result.js';
import { queries, tRows, uRows, type TRow, type URow } from '../../diff/generators.js';
import { BIG, catalog, context, NOW_US, TS6, VC } from './helpers.js';

function selectOf(sql: string): SelectStatement {
  const stmt = parse(sql).statements[0]?.ast;
  if (stmt?.kind !== 'Select') throw new Error(`not a SELECT: ${sql}`);
  return stmt;
}

/** A table over `rows` with the given (shared) column list, as a view binds its definition's columns. */
const over = (name: string, columns: readonly ColumnDef[], rows: readonly (readonly SqlValue[])[]): Table => ({ name, columns, kind: 'SYSTEM VIEW', rows: () => rows });

const def = (name: string, type: ColumnDef['type'], nullable = true): ColumnDef => ({ name, type, nullable });
const INT = { base: 'int', width: 11, unsigned: false } as const;
const T_DEFS: readonly ColumnDef[] = [
  def('id', INT, false),
  def('a', BIG),
  def('b', BIG),
  def('s', { base: 'varchar', length: 10 }),
  def('d', { base: 'decimal', precision: 8, scale: 2 }),
  def('n', { base: 'varchar', length: 8 }),
];
const U_DEFS: readonly ColumnDef[] = [def('id', INT, false), def('k', BIG), def('name', { base: 'varchar', length: 10 })];

function decimalText(text: string | null): SqlValue {
  return text === null ? null : text;
}

function diffCatalog(t: readonly TRow[], u: readonly URow[]): Catalog {
  return catalog(
    over('t', T_DEFS, t.map(([id, a, b, s, d, n]) => [BigInt(id), a, b, s, decimalText(d), n])),
    over('u', U_DEFS, u.map(([id, k, name]) => [BigInt(id), k, name])),
  );
}

const JOBS: readonly ColumnDef[] = [def('JOB_ID', BIG, false), def('STATUS', VC), def('START_TIMESTAMP', TS6)];

describe('a kept plan reads the running statement, not the one that made it', () => {
  it('rows come from the tables of the run', () => {
    const stmt = selectOf("SELECT job_id FROM DBA_OB_BACKUP_JOB_HISTORY WHERE status = 'COMPLETED' ORDER BY job_id DESC LIMIT 1");
    const first = evaluateSelect(stmt, catalog(over('DBA_OB_BACKUP_JOB_HISTORY', JOBS, [[1n, 'COMPLETED', null]])), context());
    expect(hasKeptPlan(stmt)).toBe(true);
    const second = evaluateSelect(stmt, catalog(over('DBA_OB_BACKUP_JOB_HISTORY', JOBS, [[1n, 'COMPLETED', null], [2n, 'COMPLETED', null]])), context());
    expect(isObError(first) ? first : first.rows).toEqual([[1n]]);
    expect(isObError(second) ? second : second.rows).toEqual([[2n]]);
  });

  it('a table with other columns, or none at all, plans afresh', () => {
    const stmt = selectOf('SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY');
    evaluateSelect(stmt, catalog(over('DBA_OB_BACKUP_JOB_HISTORY', JOBS, [])), context());
    const wider = [...JOBS, def('COMMENT', VC)];
    const again = evaluateSelect(stmt, catalog(over('DBA_OB_BACKUP_JOB_HISTORY', wider, [[7n, 'DOING', null, 'x']])), context());
    expect(isObError(again) ? again : again.columns.map((c) => c.name)).toEqual(['JOB_ID', 'STATUS', 'START_TIMESTAMP', 'COMMENT']);
    expect(isObError(again) ? again : again.rows).toEqual([[7n, 'DOING', null, 'x']]);
    const gone = evaluateSelect(stmt, catalog(), context());
    expect(isObError(gone) ? [gone.errno, gone.message] : gone).toEqual([1146, "Table 'oceanbase.DBA_OB_BACKUP_JOB_HISTORY' doesn't exist"]);
  });

  it('the time zone and the current database are part of the key', () => {
    // The string is read as a time in the session's zone: 20:00 at +08:00 is 12:00 UTC, at +00:00 it is 20:00 UTC.
    const stmt = selectOf("SELECT job_id FROM DBA_OB_BACKUP_JOB_HISTORY WHERE start_timestamp >= '2024-05-01 20:00:00'");
    const jobs = catalog(over('DBA_OB_BACKUP_JOB_HISTORY', JOBS, [[1n, 'COMPLETED', new Temporal('TIMESTAMP', NOW_US)]]));
    const rowsAt = (ctx: EvalContext): unknown => {
      const r = evaluateSelect(stmt, jobs, ctx);
      return isObError(r) ? r.message : r.rows;
    };
    expect(rowsAt(context({ timeZone: '+08:00' }))).toEqual([[1n]]);
    expect(rowsAt(context({ timeZone: '+00:00' }))).toEqual([]);
    expect(rowsAt(context({ timeZone: '+08:00' }))).toEqual([[1n]]);
    expect(rowsAt(context({ database: undefined }))).toBe('No database selected');
  });

  it('plans that read the clock, the user, variables or parameters are never kept', () => {
    for (const sql of ['SELECT NOW()', 'SELECT USER()', 'SELECT @@time_zone', 'SELECT @x', 'SELECT CONNECTION_ID()', 'SELECT ? + 1']) {
      const stmt = selectOf(sql);
      evaluateSelect(stmt, catalog(), context({ params: [1n] }));
      expect(hasKeptPlan(stmt), sql).toBe(false);
    }
    const now = selectOf('SELECT UNIX_TIMESTAMP()');
    const at = (us: bigint): unknown => {
      const r = evaluateSelect(now, catalog(), context({ nowMicros: us }));
      return isObError(r) ? r.message : r.rows;
    };
    expect(at(NOW_US)).toEqual([[1714564800n]]);
    expect(at(NOW_US + 60_000_000n)).toEqual([[1714564860n]]);
    const param = selectOf('SELECT ? + 1');
    const bound = (v: SqlValue): unknown => {
      const r = evaluateSelect(param, catalog(), context({ params: [v] }));
      return isObError(r) ? r.message : r.rows;
    };
    expect([bound(1n), bound(41n)]).toEqual([[[2n]], [[42n]]]);
  });
});

describe('constant answers', () => {
  it('SELECT of constants answers every run with the same frozen row, computed on the first run', () => {
    const stmt = selectOf("SELECT 1, 'a' AS x, 2 + 3");
    const first = evaluateSelect(stmt, catalog(), context());
    const second = evaluateSelect(stmt, catalog(), context());
    if (isObError(first) || isObError(second)) throw new Error('failed');
    expect(first.rows).toEqual([[1n, 'a', 5n]]);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(Object.isFrozen(first.rows[0])).toBe(true);
  });

  it('a constant that fails to compute fails when run, not when described (COM_STMT_PREPARE)', () => {
    const stmt = selectOf('SELECT 9223372036854775807 + 1');
    expect(describeSelect(stmt, catalog(), context())).toHaveLength(1);
    const run = evaluateSelect(stmt, catalog(), context());
    expect(isObError(run) ? run.errno : run).toBe(1690);
  });

  it('constants with WHERE, LIMIT or a FROM are evaluated per run', () => {
    for (const sql of ['SELECT 1 WHERE 1 = 0', 'SELECT 1 LIMIT 0', 'SELECT 1 FROM DBA_OB_BACKUP_JOB_HISTORY']) {
      const r = evaluateSelect(selectOf(sql), catalog(over('DBA_OB_BACKUP_JOB_HISTORY', JOBS, [])), context());
      expect(isObError(r) ? r.message : r.rows, sql).toEqual([]);
    }
  });
});

describe('kept plans agree with fresh ones (property)', () => {
  it('generated SELECTs run twice, over other rows and zones, answer as a fresh plan does', () => {
    const zone = fc.constantFrom('+08:00', '+00:00', '-05:30');
    let kept = 0;
    fc.assert(
      fc.property(queries, tRows, uRows, tRows, uRows, zone, zone, (stmt, t1, u1, t2, u2, z1, z2) => {
        const outcome = (r: ReturnType<typeof evaluateSelect>): unknown => (isObError(r) ? [r.errno, r.message] : r);
        evaluateSelect(stmt, diffCatalog(t1, u1), context({ timeZone: z1 }));
        if (hasKeptPlan(stmt)) kept++;
        const again = outcome(evaluateSelect(stmt, diffCatalog(t2, u2), context({ timeZone: z2 })));
        const fresh = outcome(evaluateSelect(structuredClone(stmt), diffCatalog(t2, u2), context({ timeZone: z2 })));
        expect(again).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
    // Nearly every generated statement plans without error and reads only the zone: most runs test a kept plan.
    expect(kept).toBeGreaterThan(150);
  });
});
