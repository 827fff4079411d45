/**
 * Test helpers for the views: a manual-clock cluster driven with hand-built AST statements, and `view`, which reads
 * a view through the catalog (as the evaluator does) and returns its rows as objects keyed by column name.
 */
import { expect } from 'vitest';
import type { BackupStatement, ControlStatement } from '../../../grammar/ast.js';
import { parse } from '../../../grammar/index.js';
import { isObError } from '../../../src/errors.js';
import { advance, createCluster, execute } from '../../../src/engine/index.js';
import type { Cluster, SessionContext } from '../../../src/engine/index.js';
import type { SqlValue } from '../../../src/result.js';
import { createCatalog } from '../../../src/views/index.js';

/** 2024-01-31 03:20:00 UTC (11:20:00 in +08:00). */
export const START_US = Date.UTC(2024, 0, 31, 3, 20, 0) * 1000;

export function newCluster(): Cluster {
  return createCluster({ startTimeUs: START_US, seed: 42 });
}

export function session(tenantId: number): SessionContext {
  const vars = new Map<string, string>();
  return {
    tenantId,
    user: 'root',
    variables: { get: (n) => vars.get(n) ?? null, set: (n, v) => void vars.set(n, v), delete: (n) => void vars.delete(n) },
  };
}

export function ok(cluster: Cluster, ctx: SessionContext, stmt: BackupStatement | ControlStatement): void {
  const outcome = execute(cluster, ctx, stmt);
  expect(isObError(outcome) ? `${outcome.name}: ${outcome.message}` : 'ok').toBe('ok');
}

export function set(name: string, value: string): BackupStatement {
  return { kind: 'AlterSystemSet', items: [{ name, value: { kind: 'StringValue', value } }] };
}

export function archivelog(enable: boolean): BackupStatement {
  return { kind: 'ArchiveLog', enable, tenants: null, description: null };
}

export function backup(incremental: boolean): BackupStatement {
  return { kind: 'BackupDatabase', incremental, tenantForm: false, tenants: null, dest: null, plusArchivelog: false, description: null };
}

export const cancel: BackupStatement = { kind: 'CancelBackup', tenants: null };

/** Advances second by second until the tenant has no live job. */
export function finishJobs(cluster: Cluster, tenantId: number): void {
  for (let i = 0; i < 900; i++) {
    const t = cluster.state.tenants.find((x) => x.id === tenantId)!;
    if (t.backup!.jobs.length === 0) return;
    advance(cluster, 1000);
  }
  throw new Error('jobs did not finish');
}

export type RowObject = Record<string, SqlValue>;

/** The rows of `name` as the tenant sees them now. */
export function view(cluster: Cluster, tenantId: number, name: string): RowObject[] {
  const table = createCatalog(cluster.state, cluster.state.nowUs, tenantId).resolve('oceanbase', name);
  if (table === undefined) throw new Error(`${name} is not visible to tenant ${tenantId}`);
  return [...table.rows()].map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])));
}

/** A column's values as text (Decimals and bigints by their digits; Temporals by their µs; NULL as null). */
export function text(v: SqlValue): string | null {
  if (v === null) return null;
  if (typeof v === 'object' && 'utcMicros' in v) return `${v.type}@${v.utcMicros}`;
  return v.toString();
}

/** One statement through the real grammar (restore, clean and resource statements read as OceanBase spells them). */
export function sql(text: string): BackupStatement | ControlStatement {
  const r = parse(text);
  const first = r.statements[0];
  if (first === undefined || r.error !== null) throw new Error(`does not parse: ${text}`);
  return first.ast as BackupStatement | ControlStatement;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in +08:00, the server zone UNTIL TIME is read in, of a virtual µs time. */
export function serverTimeText(us: number): string {
  const d = new Date(Math.floor(us / 1000) + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}.${String(us % 1_000_000).padStart(6, '0')}`;
}
