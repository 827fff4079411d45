/**
 * DBA_OB_BACKUP_JOB_HISTORY offers its rows in JOB_ID order (ViewDef.keyOrder) for `ORDER BY JOB_ID … LIMIT n`:
 * over real engine histories (user and sys-initiated backups, cancels, in any order of ending) the sorted rows are
 * exactly the view's rows, they follow the state as it moves on, and queries answer as without the order. The CDB
 * twin, where JOB_ID is not unique, offers none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOne } from '../../../grammar/index.js';
import { isObError } from '../../../src/errors.js';
import { createEmulator, type Emulator } from '../../../src/index.js';
import { evaluateSelect, type Catalog, type EvalContext } from '../../../src/query/index.js';
import type { SqlValue } from '../../../src/result.js';
import { createCatalog } from '../../../src/views/index.js';
import { context } from '../query/helpers.js';

const TENANTS = ['t1', 't2'];
const VIEW = 'DBA_OB_BACKUP_JOB_HISTORY';

function cluster(): Emulator {
  const e = createEmulator({ startTime: '2024-05-01T00:00:00Z', seed: 7, tenants: TENANTS.map((name) => ({ name })) });
  for (const tenant of TENANTS) {
    for (const sql of [
      `ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///backup/${tenant}/archive'`,
      `ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///backup/${tenant}/data'`,
      'ALTER SYSTEM ARCHIVELOG',
    ]) {
      const r = e.execute(sql, { tenant });
      if (isObError(r)) throw new Error(`${sql}: ${r.message}`);
    }
  }
  e.advance('10s');
  return e;
}

function tenantId(e: Emulator, name: string): number {
  const t = e.inspect().state.tenants.find((x) => x.name === name);
  if (!t) throw new Error(`no tenant ${name}`);
  return t.id;
}

/** The catalog a session of `tenant` reads, and the same without keyOrder (the general path). */
function catalogs(e: Emulator, tenant: number): { keyed: Catalog; plain: Catalog } {
  const state = e.inspect().state;
  const keyed = createCatalog(state, state.nowUs, tenant);
  const plain: Catalog = {
    ...keyed,
    resolve: (schema, name) => {
      const t = keyed.resolve(schema, name);
      return t && { name: t.name, columns: t.columns, kind: t.kind ?? 'SYSTEM VIEW', rows: () => t.rows() };
    },
  };
  return { keyed, plain };
}

function ctxOf(e: Emulator): EvalContext {
  return context({ nowMicros: BigInt(e.inspect().state.nowUs), connectionId: 1n });
}

function query(sql: string, cat: Catalog, ctx: EvalContext): readonly (readonly SqlValue[])[] | string {
  const parsed = parseOne(sql);
  if (!parsed.ok || parsed.statement.ast.kind !== 'Select') throw new Error(`not a SELECT: ${sql}`);
  const r = evaluateSelect(parsed.statement.ast, cat, ctx);
  return isObError(r) ? `${r.errno}` : r.rows;
}

const byJobId = (a: readonly SqlValue[], b: readonly SqlValue[]): number => ((a[0] as bigint) < (b[0] as bigint) ? -1 : 1);

type Op =
  | { kind: 'backup'; tenant: string; inc: boolean }
  | { kind: 'sys' }
  | { kind: 'overlap'; tenant: string }
  | { kind: 'cancel'; tenant: string } | { kind: 'advance'; seconds: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('backup' as const), tenant: fc.constantFrom(...TENANTS), inc: fc.boolean() }),
  fc.constant({ kind: 'sys' as const }),
  fc.record({ kind: fc.constant('overlap' as const), tenant: fc.constantFrom(...TENANTS) }),
  fc.record({ kind: fc.constant('cancel' as const), tenant: fc.constantFrom(...TENANTS) }),
  // Mostly short steps, so a sys-initiated job and a tenant's own overlap and end out of job-id order.
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 60, max: 1800 })) }),
);

function apply(e: Emulator, op: Op): void {
  // Refusals (a backup in progress, nothing to cancel) are part of the random walk; they change nothing.
  if (op.kind === 'backup') e.execute(`ALTER SYSTEM BACKUP ${op.inc ? 'INCREMENTAL ' : ''}DATABASE`, { tenant: op.tenant });
  else if (op.kind === 'sys') e.execute('ALTER SYSTEM BACKUP DATABASE');
  else if (op.kind === 'overlap') {
    // A sys-initiated FULL, then the tenant's own INC a second later: once there is a FULL to build on, the INC,
    // with the higher id, ends first.
    e.execute('ALTER SYSTEM BACKUP DATABASE');
    e.advance(1000);
    e.execute('ALTER SYSTEM BACKUP INCREMENTAL DATABASE', { tenant: op.tenant });
    e.advance(3_600_000);
  } else if (op.kind === 'cancel') e.execute('ALTER SYSTEM CANCEL BACKUP', { tenant: op.tenant });
  else e.advance(op.seconds * 1000);
}

const QUERIES = [
  "SELECT job_id, executor_tenant_id, job_level, start_timestamp, end_timestamp, status, result, comment, backup_set_id, plus_archivelog, backup_type, encryption_mode, passwd FROM DBA_OB_BACKUP_JOB_HISTORY WHERE backup_type = 'FULL' order by job_id DESC LIMIT 1",
  'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY JOB_ID LIMIT 2',
  "SELECT job_id, status FROM DBA_OB_BACKUP_JOB_HISTORY WHERE status <> 'COMPLETED' ORDER BY job_id DESC LIMIT 1, 3",
  'SELECT initiator_tenant_id, job_id FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY h WHERE h.initiator_tenant_id = 1 ORDER BY h.job_id DESC LIMIT 100',
  'SELECT job_id FROM DBA_OB_BACKUP_JOB_HISTORY ORDER BY job_id DESC LIMIT 0',
];

describe('DBA_OB_BACKUP_JOB_HISTORY in JOB_ID order', () => {
  it('offers keyOrder on JOB_ID in the DBA form only', () => {
    const e = cluster();
    const sys = createCatalog(e.inspect().state, e.inspect().state.nowUs, 1);
    expect(sys.resolve(undefined, VIEW)?.keyOrder?.column).toBe(0);
    expect(sys.resolve(undefined, 'CDB_OB_BACKUP_JOB_HISTORY')?.keyOrder).toBeUndefined();
    expect(sys.resolve(undefined, 'DBA_OB_BACKUP_JOBS')?.keyOrder).toBeUndefined();
  });

  it('follows the history as jobs end: a bound table and a cached sorted list never go stale', () => {
    const e = cluster();
    const id = tenantId(e, 't1');
    const table = createCatalog(e.inspect().state, e.inspect().state.nowUs, id).resolve(undefined, VIEW);
    expect(table?.keyOrder?.rowsAscending()).toEqual([]);
    const seen: bigint[] = [];
    for (let i = 0; i < 4; i++) {
      expect(isObError(e.execute('ALTER SYSTEM BACKUP DATABASE', { tenant: 't1' }))).toBe(false);
      e.advance('20m');
      const rows = table?.keyOrder?.rowsAscending() ?? [];
      seen.push(rows.at(-1)?.[0] as bigint);
      expect(rows).toEqual([...(table?.rows() ?? [])].sort(byJobId));
      expect(rows).toHaveLength(i + 1);
      // Read twice without a change: the same list, not a fresh sort.
      expect(table?.keyOrder?.rowsAscending()).toBe(rows);
    }
    expect(new Set(seen).size).toBe(4);
  });

  it('a history that ended out of job-id order is offered sorted, and the bench query picks the highest FULL job', () => {
    const e = cluster();
    const id = tenantId(e, 't1');
    for (const [sql, tenant] of [
      ['ALTER SYSTEM BACKUP DATABASE', 't1'],
      ['', '20m'],
      ['ALTER SYSTEM BACKUP DATABASE', 'sys'],
      ['', '1s'],
      ['ALTER SYSTEM BACKUP INCREMENTAL DATABASE', 't1'],
      ['', '60m'],
    ] as const) {
      if (sql === '') e.advance(tenant);
      else expect(isObError(e.execute(sql, { tenant }))).toBe(false);
    }
    const { keyed, plain } = catalogs(e, id);
    const table = keyed.resolve(undefined, VIEW);
    const ended = [...(table?.rows() ?? [])].map((r) => r[0]);
    const sorted = (table?.keyOrder?.rowsAscending() ?? []).map((r) => r[0]);
    expect(ended).not.toEqual(sorted);
    expect(sorted).toEqual([...ended].sort((a, b) => ((a as bigint) < (b as bigint) ? -1 : 1)));
    const bench = QUERIES[0] ?? '';
    const answer = query(bench, keyed, ctxOf(e));
    expect(answer).toEqual(query(bench, plain, ctxOf(e)));
    // Jobs 1 (t1's FULL) and 2 (sys-initiated FULL) are FULL; 3 (INC) ended before 2.
    expect(typeof answer === 'string' ? answer : answer[0]?.[0]).toBe(2n);
  });

  it('random histories: sorted rows equal the view rows, and queries answer as without keyOrder (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const e = cluster();
        for (const op of ops) apply(e, op);
        const ctx = ctxOf(e);
        for (const tenant of [1, ...TENANTS.map((n) => tenantId(e, n))]) {
          const { keyed, plain } = catalogs(e, tenant);
          const table = keyed.resolve(undefined, VIEW);
          const sorted = table?.keyOrder?.rowsAscending() ?? [];
          expect(sorted).toEqual([...(table?.rows() ?? [])].sort(byJobId));
          expect(new Set(sorted.map((r) => r[0])).size).toBe(sorted.length);
          for (const sql of QUERIES) expect(query(sql, keyed, ctx), sql).toEqual(query(sql, plain, ctx));
        }
      }),
      { numRuns: 40 },
    );
  });
});
