/**
 * Policy-driven cleaning (issue 6 item 4; statements.md §3.4; views.md §6.2-§6.3): delete jobs and tasks, what
 * they delete (clean-plan.ts), FILE_STATUS AVAILABLE → DELETING → DELETED, DELETED_* bytes, CANCEL DELETE BACKUP.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/index.js';
import { SYS, T1, fails, newCluster, ok, readyTenant, session, step, tenant } from './helpers.js';
import { backupNow, sql } from './restore-helpers.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** FULL on day 0, INC on day 1, FULL on day 3, INC on day 4 (archive pieces of 1 day), then day 5. */
function history(): Cluster {
  const cluster = newCluster();
  const t = readyTenant(cluster);
  backupNow(cluster, t);
  step(cluster, DAY, HOUR);
  backupNow(cluster, t, true);
  step(cluster, 2 * DAY, HOUR);
  backupNow(cluster, t);
  step(cluster, DAY, HOUR);
  backupNow(cluster, t, true);
  step(cluster, DAY, HOUR);
  return cluster;
}

const backupOf = (cluster: Cluster) => tenant(cluster, T1).backup!;

describe('delete jobs from the policy (backup-clean-scheduler.ts)', () => {
  it('with RECOVERY_WINDOW 1d, sets before the newest FULL at the window start and the pieces before its replay start are DELETED', () => {
    const cluster = history();
    const t = session(T1);
    ok(cluster, t, sql("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'"));
    step(cluster, HOUR + 1000);
    const b = backupOf(cluster);
    const job = b.deleteJobs[0]!;
    expect([job.type, job.jobLevel, job.status, job.initiatorTenantId]).toEqual(['DELETE OBSOLETE BACKUP', 'USER_TENANT', 'DOING', T1]);
    expect(job.parameterUs).toBe(cluster.state.nowUs - 1000_000 - DAY * 1000);
    expect(b.setFiles.map((s) => s.fileStatus)).toEqual(['DELETING', 'DELETING', 'AVAILABLE', 'AVAILABLE']);
    expect(b.deleteTasks.filter((x) => x.taskType === 'BACKUP SET').map((x) => [x.id, x.roundId])).toEqual([[1, 0], [2, 0]]);
    const keptFull = b.setFiles[2]!;
    const pieceTasks = b.deleteTasks.filter((x) => x.taskType === 'BACKUP PIECE');
    expect(pieceTasks.length).toBeGreaterThan(0);
    step(cluster, 5000);
    expect(b.deleteJobs).toEqual([]);
    const done = b.deleteJobHistory[0]!;
    expect([done.status, done.taskCount, done.successTaskCount]).toEqual(['COMPLETED', 2 + pieceTasks.length, 2 + pieceTasks.length]);
    expect(b.deleteTaskHistory.every((x) => x.status === 'COMPLETED' && x.finishLsCount === x.totalLsCount && x.endUs > 0)).toBe(true);
    expect(b.setFiles.map((s) => s.fileStatus)).toEqual(['DELETED', 'DELETED', 'AVAILABLE', 'AVAILABLE']);
    for (const p of b.pieces) expect(p.fileStatus === 'DELETED').toBe(p.endScn <= keptFull.startReplayScn);
    const round = b.rounds[0]!;
    const deleted = b.pieces.filter((p) => p.fileStatus === 'DELETED').reduce((s, p) => s + p.inputBytes, 0);
    expect(round.deletedInputBytes).toBe(deleted);
    expect(deleted).toBeGreaterThan(0);
  });

  it('nothing is obsolete when no FULL is at or before the window start: no job at all', () => {
    const cluster = history();
    ok(cluster, session(SYS), sql("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' TENANT mysql_tenant"));
    step(cluster, 3 * HOUR, HOUR);
    expect([backupOf(cluster).deleteJobs, backupOf(cluster).deleteJobHistory]).toEqual([[], []]);
  });

  it('DROP DELETE BACKUP POLICY stops the checks', () => {
    const cluster = history();
    const t = session(T1);
    ok(cluster, t, sql("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'"));
    ok(cluster, t, sql("ALTER SYSTEM DROP DELETE BACKUP POLICY 'default'"));
    expect(backupOf(cluster).deleteCheckAtUs).toBeNull();
    step(cluster, 2 * HOUR, HOUR);
    expect(backupOf(cluster).deleteJobHistory).toEqual([]);
  });
});

describe('CANCEL DELETE BACKUP (statements.md §3.4)', () => {
  it('succeeds with nothing running, and cancels a running delete job (CANCELED, files back to AVAILABLE)', () => {
    const cluster = history();
    const t = session(T1);
    ok(cluster, t, sql('ALTER SYSTEM CANCEL DELETE BACKUP'));
    ok(cluster, t, sql("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'"));
    step(cluster, HOUR + 1000);
    expect(backupOf(cluster).deleteJobs[0]!.status).toBe('DOING');
    ok(cluster, session(SYS), sql('ALTER SYSTEM CANCEL DELETE BACKUP'));
    step(cluster, 3000);
    const b = backupOf(cluster);
    expect(b.deleteJobs).toEqual([]);
    expect([b.deleteJobHistory[0]!.status, b.deleteJobHistory[0]!.result]).toEqual(['CANCELED', -4072]);
    expect(b.setFiles.every((s) => s.fileStatus !== 'DELETING')).toBe(true);
    expect(b.deleteTaskHistory.every((x) => x.status === 'COMPLETED' || x.status === 'CANCELED')).toBe(true);
  });

  it('DELETE BACKUPSET / BACKUPPIECE / OBSOLETE BACKUP keep 4.2\'s "not supported"', () => {
    const cluster = newCluster();
    const t = session(T1);
    for (const s of ['ALTER SYSTEM DELETE BACKUPSET 1', 'ALTER SYSTEM DELETE BACKUPPIECE 1', 'ALTER SYSTEM DELETE OBSOLETE BACKUP']) {
      expect(fails(cluster, t, sql(s)).message).toBe('function is not supported');
    }
  });
});
