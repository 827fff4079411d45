/**
 * Test helpers for the engine: a manual-clock cluster, sessions with their own user variables, hand-built AST
 * statements, and `run`, which executes a statement, checks the invariants and, when the statement is rejected,
 * that the state did not change at all.
 */
import { expect } from 'vitest';
import type { BackupStatement, ControlStatement, OptionValue } from '../../../grammar/ast.js';
import { isObError } from '../../../src/errors.js';
import type { ObError } from '../../../src/errors.js';
import { advance, assertInvariants, createCluster, execute, stableJson } from '../../../src/engine/index.js';
import type { Cluster, ClusterConfig, Outcome, SessionContext, TenantState } from '../../../src/engine/index.js';

/** 2024-01-31 03:20:00 UTC. */
export const START_US = Date.UTC(2024, 0, 31, 3, 20, 0) * 1000;

export function newCluster(config: Partial<ClusterConfig> = {}): Cluster {
  return createCluster({ startTimeUs: START_US, seed: 42, ...config });
}

export function session(tenantId: number): SessionContext & { vars: Map<string, string> } {
  const vars = new Map<string, string>();
  return {
    tenantId,
    user: 'root',
    vars,
    variables: {
      get: (n) => vars.get(n) ?? null,
      set: (n, v) => void vars.set(n, v),
      delete: (n) => void vars.delete(n),
    },
  };
}

export const SYS = 1;
export const T1 = 1002;
export const T2 = 1004;

export function run(cluster: Cluster, ctx: SessionContext, stmt: BackupStatement | ControlStatement): Outcome {
  const before = structuredClone(cluster.state);
  const beforeJson = stableJson(before);
  const outcome = execute(cluster, ctx, stmt);
  if (isObError(outcome)) expect(stableJson(cluster.state)).toBe(beforeJson);
  assertInvariants(cluster, before);
  return outcome;
}

export function ok(cluster: Cluster, ctx: SessionContext, stmt: BackupStatement | ControlStatement): void {
  const outcome = run(cluster, ctx, stmt);
  expect(isObError(outcome) ? `${outcome.name}: ${outcome.message}` : 'ok').toBe('ok');
}

export function fails(cluster: Cluster, ctx: SessionContext, stmt: BackupStatement | ControlStatement): ObError {
  const outcome = run(cluster, ctx, stmt);
  if (!isObError(outcome)) throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Advances in steps of `stepMs`, checking invariants after each step. */
export function step(cluster: Cluster, totalMs: number, stepMs = 1000): void {
  for (let t = 0; t < totalMs; t += stepMs) {
    const before = structuredClone(cluster.state);
    advance(cluster, Math.min(stepMs, totalMs - t));
    assertInvariants(cluster, before);
  }
}

export function tenant(cluster: Cluster, id: number): TenantState {
  const t = cluster.state.tenants.find((x) => x.id === id);
  if (!t) throw new Error(`no tenant ${id}`);
  return t;
}

// Statement builders ---------------------------------------------------------------------------------------

const str = (value: string): OptionValue => ({ kind: 'StringValue', value });

export function set(name: string, value: string | number, tenantName?: string): BackupStatement {
  const v: OptionValue = typeof value === 'number' ? { kind: 'NumberValue', text: String(value) } : str(value);
  return { kind: 'AlterSystemSet', items: [{ name, value: v, ...(tenantName === undefined ? {} : { tenant: tenantName }) }] };
}

export function archivelog(enable = true, tenants: string[] | null = null): BackupStatement {
  return { kind: 'ArchiveLog', enable, tenants, description: null };
}

export function backup(opts: Partial<Extract<BackupStatement, { kind: 'BackupDatabase' }>> = {}): BackupStatement {
  return { kind: 'BackupDatabase', incremental: false, tenantForm: false, tenants: null, dest: null, plusArchivelog: false, description: null, ...opts };
}

export function advanceTime(amount: number, unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' = 'SECONDS'): ControlStatement {
  return { kind: 'EmulatorAdvanceTime', amount: String(amount), unit };
}

/** A tenant with an archive dest and a data dest, archive DOING. */
export function readyTenant(cluster: Cluster, id = T1): SessionContext & { vars: Map<string, string> } {
  const ctx = session(id);
  ok(cluster, ctx, set('log_archive_dest', `location=file:///backup/${id}/archive`));
  ok(cluster, ctx, set('data_backup_dest', `file:///backup/${id}/data`));
  ok(cluster, ctx, archivelog());
  step(cluster, 5000);
  return ctx;
}

/** Advances until the tenant has no live job (at most `maxS` seconds). */
export function finishJobs(cluster: Cluster, id: number, maxS = 600): void {
  for (let i = 0; i < maxS && tenant(cluster, id).backup!.jobs.length > 0; i++) step(cluster, 1000);
  expect(tenant(cluster, id).backup!.jobs).toEqual([]);
}
