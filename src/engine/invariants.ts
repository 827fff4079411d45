/**
 * The invariant checker (issue 3 "Must show"): tests run it after every statement and every advance. A failure is
 * a programmer error and throws InvariantError. Given the state before a step, it also checks that history rows
 * never change.
 */
import { invariant } from '../errors.js';
import type { BackupSetFile, ClusterState, StatusChange, TenantBackup, TenantState } from './state.js';
import type { Cluster } from './types.js';

const JOB_EDGES = new Set([
  '-INIT', 'INIT-DOING', 'INIT-FAILED', 'INIT-CANCELING', 'DOING-COMPLETED', 'DOING-FAILED', 'DOING-CANCELING',
  'CANCELING-CANCELED',
]);
const TASK_ORDER = [
  'INIT', 'BACKUP_SYS_META', 'BACKUP_USER_META', 'BACKUP_DATA_SYS', 'BACKUP_DATA_MINOR', 'BACKUP_DATA_MAJOR',
  'BEFORE_BACKUP_LOG', 'BACKUP_LOG',
];
const TASK_EDGES = new Set([
  '-INIT',
  ...TASK_ORDER.slice(0, -1).map((s, i) => `${s}-${TASK_ORDER[i + 1]}`),
  'BACKUP_DATA_MAJOR-COMPLETED', 'BACKUP_LOG-COMPLETED', 'CANCELING-CANCELED',
  ...TASK_ORDER.flatMap((s) => [`${s}-FAILED`, `${s}-CANCELING`]),
]);
const ROUND_EDGES = new Set([
  '-PREPARE', 'PREPARE-BEGINNING', 'BEGINNING-DOING', 'BEGINNING-INTERRUPTED', 'DOING-INTERRUPTED',
  ...['PREPARE', 'BEGINNING', 'DOING', 'INTERRUPTED', 'SUSPENDING', 'SUSPEND'].map((s) => `${s}-STOPPING`),
  'STOPPING-STOP', 'DOING-SUSPENDING', 'INTERRUPTED-SUSPENDING', 'SUSPENDING-SUSPEND', 'SUSPEND-BEGINNING',
]);

function checkLog<S extends string>(what: string, log: readonly StatusChange<S>[], current: S, edges: Set<string>): void {
  let prev: S | null = null;
  let prevAt = -Infinity;
  for (const c of log) {
    invariant(c.from === prev, `${what}: status log breaks: ${String(c.from)} after ${String(prev)}`);
    invariant(edges.has(`${c.from ?? ''}-${c.to}`), `${what}: status change ${String(c.from)} -> ${c.to} is not allowed`);
    invariant(c.atUs >= prevAt, `${what}: status changes go back in time`);
    prev = c.to;
    prevAt = c.atUs;
  }
  invariant(prev === current, `${what}: status ${current} but the log ends at ${String(prev)}`);
}

function checkIds(what: string, ids: readonly number[], next: number): void {
  const sorted = [...ids].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    invariant(sorted[i]! < next, `${what} ${sorted[i]} is not below the counter ${next}`);
    invariant(i === 0 || sorted[i]! > sorted[i - 1]!, `${what} ${sorted[i]} is used twice`);
  }
}

function checkSet(tenant: TenantState, b: TenantBackup, set: BackupSetFile): void {
  const what = `tenant ${tenant.id} set ${set.backupSetId}`;
  if (set.backupType === 'INC') {
    for (const id of [set.prevFullBackupSetId, set.prevIncBackupSetId]) {
      const prev = b.setFiles.find((s) => s.backupSetId === id);
      invariant(prev !== undefined && prev.destId === set.destId, `${what}: base set ${id} missing or in another dest`);
      invariant(prev.status === 'SUCCESS' && prev.fileStatus === 'AVAILABLE', `${what}: base set ${id} is not SUCCESS + AVAILABLE`);
    }
    const full = b.setFiles.find((s) => s.backupSetId === set.prevFullBackupSetId);
    invariant(full?.backupType === 'FULL', `${what}: PREV_FULL_BACKUP_SET_ID is not a FULL set`);
  } else {
    invariant(set.prevFullBackupSetId === 0 && set.prevIncBackupSetId === 0, `${what}: a FULL set has PREV ids`);
  }
  if (set.status === 'SUCCESS') {
    const task = [...b.taskHistory, ...b.tasks].find((t) => t.backupSetId === set.backupSetId);
    invariant(task !== undefined, `${what}: no task`);
    invariant(set.startReplayScn > 0n && set.startReplayScn <= task.startScn, `${what}: START_REPLAY_SCN > START_SCN`);
    invariant(task.startScn < task.userLsStartScn, `${what}: START_SCN >= USER_LS_START_SCN`);
    invariant(task.userLsStartScn < set.consistentScn, `${what}: USER_LS_START_SCN >= CONSISTENT_SCN`);
    invariant(set.consistentScn < task.endScn, `${what}: CONSISTENT_SCN >= END_SCN`);
    invariant(task.endScn === set.minRestoreScn, `${what}: END_SCN != MIN_RESTORE_SCN`);
    invariant(set.finishMacroBlockCount === set.macroBlockCount, `${what}: unfinished macroblocks at SUCCESS`);
  }
}

function checkTenant(state: ClusterState, tenant: TenantState): void {
  const b = tenant.backup;
  if (b === null) return;
  const live = new Set<number>();
  for (const job of b.jobs) {
    if (job.status === 'INIT' || job.status === 'DOING' || job.status === 'CANCELING') {
      invariant(!live.has(job.initiatorTenantId), `tenant ${tenant.id}: two live jobs of initiator ${job.initiatorTenantId}`);
      live.add(job.initiatorTenantId);
    } else {
      invariant(job.nextAtUs !== null, `tenant ${tenant.id}: terminal job ${job.jobId} is not on its way to history`);
    }
  }
  for (const job of [...b.jobHistory, ...b.jobs]) checkLog(`tenant ${tenant.id} job ${job.jobId}`, job.statusLog, job.status, JOB_EDGES);
  for (const task of [...b.taskHistory, ...b.tasks]) checkLog(`tenant ${tenant.id} task ${task.taskId}`, task.statusLog, task.status, TASK_EDGES);
  for (const round of b.rounds) checkLog(`tenant ${tenant.id} round ${round.roundId}`, round.statusLog, round.status, ROUND_EDGES);
  checkIds(`tenant ${tenant.id} job id`, [...b.jobHistory, ...b.jobs].map((j) => j.jobId), b.counters.jobId);
  checkIds(`tenant ${tenant.id} task id`, [...b.taskHistory, ...b.tasks].map((t) => t.taskId), b.counters.taskId);
  checkIds(`tenant ${tenant.id} backup set id`, b.setFiles.map((s) => s.backupSetId), b.counters.backupSetId);
  for (const set of b.setFiles) checkSet(tenant, b, set);
  for (const round of b.rounds) {
    if (round.status === 'DOING') invariant(round.checkpointScn > round.startScn, `tenant ${tenant.id}: DOING round with checkpoint <= start`);
    invariant(round.checkpointScn <= BigInt(state.nowUs + 1) * 1000n, `tenant ${tenant.id}: archive checkpoint ahead of now`);
  }
}

/** Throws InvariantError when the cluster's state breaks a rule; with `before`, also checks history is append-only. */
export function assertInvariants(cluster: Cluster | ClusterState, before?: ClusterState): void {
  const state = 'state' in cluster ? cluster.state : cluster;
  invariant(state.tenants.every((t, i) => i === 0 || t.id > state.tenants[i - 1]!.id), 'tenants are not ordered by id');
  for (const tenant of state.tenants) checkTenant(state, tenant);
  if (before === undefined) return;
  invariant(state.nowUs >= before.nowUs, 'virtual time went back');
  for (const old of before.tenants) {
    const now = state.tenants.find((t) => t.id === old.id);
    if (!now || !now.backup || !old.backup) continue;
    for (const key of ['jobHistory', 'taskHistory', 'roundHistory', 'storageInfoHistory'] as const) {
      const prev = old.backup[key] as readonly unknown[];
      const cur = now.backup[key] as readonly unknown[];
      invariant(cur.length >= prev.length, `tenant ${old.id}: ${key} lost rows`);
      for (let i = 0; i < prev.length; i++) {
        invariant(stableJson(prev[i]) === stableJson(cur[i]), `tenant ${old.id}: ${key} row ${i} changed`);
      }
    }
  }
}

/** JSON with bigints and typed arrays, for comparing states byte for byte. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}
