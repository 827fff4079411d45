/**
 * Helpers for restore and clean tests: SQL through the real parser, a source tenant with archive and backups,
 * and running a restore to its end with the invariant checker after every step.
 */
import { expect } from 'vitest';
import { parse } from '../../../grammar/index.js';
import type { BackupStatement, ControlStatement } from '../../../grammar/ast.js';
import type { Cluster, SessionContext } from '../../../src/engine/index.js';
import { finishJobs, ok, step } from './helpers.js';

export const DATA = 'file:///backup/1002/data';
export const ARCHIVE = 'file:///backup/1002/archive';

/** One statement through the grammar. */
export function sql(text: string): BackupStatement | ControlStatement {
  const r = parse(text);
  const first = r.statements[0];
  if (first === undefined || r.error !== null) throw new Error(`does not parse: ${text}`);
  return first.ast as BackupStatement | ControlStatement;
}

/** Runs a backup of the session's tenant and waits for it; returns the new set id. */
export function backupNow(cluster: Cluster, ctx: SessionContext, incremental = false): number {
  ok(cluster, ctx, sql(incremental ? 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE' : 'ALTER SYSTEM BACKUP DATABASE'));
  finishJobs(cluster, ctx.tenantId);
  const sets = cluster.state.tenants.find((t) => t.id === ctx.tenantId)!.backup!.setFiles;
  const last = sets[sets.length - 1]!;
  expect(last.status).toBe('SUCCESS');
  return last.backupSetId;
}

/** Advances until no restore job is live (at most `maxS` seconds), checking invariants each second. */
export function finishRestores(cluster: Cluster, maxS = 900): void {
  for (let i = 0; i < maxS && cluster.state.restoreJobs.length > 0; i++) step(cluster, 1000);
  expect(cluster.state.restoreJobs).toEqual([]);
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` (UTC) of a virtual µs time. */
/** An instant as UNTIL TIME text: the wall clock in the server's zone, +08:00 (OceanBase's default). */
export function timeText(us: number): string {
  const d = new Date(Math.floor(us / 1000) + 8 * 3_600_000);
  const frac = String(us % 1_000_000).padStart(6, '0');
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}.${frac}`;
}
