/**
 * The invariant checker (issue 3 "Must show"): tests run it after every statement and every advance. A failure is
 * a programmer error and throws InvariantError. Given the state before a step, it also checks that history rows
 * never change.
 */
import { invariant } from '../errors.js';
import type { BackupSetFile, ClusterState, StatusChange, TenantBackup, TenantState } from './state.js';
import type { Cluster } from './types.js';
import { checkData } from './data/invariants.js';
import {
  JOB_MACHINE,
  ROUND_MACHINE,
  SYS_RESTORE_MACHINE,
  TASK_MACHINE,
  TENANT_RESTORE_MACHINE,
  allowedEdge,
  type StatusMachine,
} from './status-edges.js';

/** A status log: it chains, every change is an edge of the machine (status-edges.ts), time never goes back. */
function checkLog<S extends string>(what: string, log: readonly StatusChange<S>[], current: S, machine: StatusMachine<S>): void {
  let prev: S | null = null;
  let prevAt = -Infinity;
  for (const c of log) {
    invariant(c.from === prev, `${what}: status log breaks: ${String(c.from)} after ${String(prev)}`);
    invariant(allowedEdge(machine, c.from, c.to), `${what}: status change ${String(c.from)} -> ${c.to} is not allowed`);
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
  // A set being cleaned may outlive its base for a moment (both are obsolete); a live INC needs its bases.
  const cleaned = set.fileStatus === 'DELETING' || set.fileStatus === 'DELETED';
  if (set.backupType === 'INC' && !cleaned) {
    for (const id of [set.prevFullBackupSetId, set.prevIncBackupSetId]) {
      const prev = b.setFiles.find((s) => s.backupSetId === id);
      invariant(prev !== undefined && prev.destId === set.destId, `${what}: base set ${id} missing or in another dest`);
      invariant(prev.status === 'SUCCESS' && prev.fileStatus === 'AVAILABLE', `${what}: base set ${id} is not SUCCESS + AVAILABLE`);
    }
    const full = b.setFiles.find((s) => s.backupSetId === set.prevFullBackupSetId);
    invariant(full?.backupType === 'FULL', `${what}: PREV_FULL_BACKUP_SET_ID is not a FULL set`);
  } else if (set.backupType === 'FULL') {
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
  for (const job of [...b.jobHistory, ...b.jobs]) checkLog(`tenant ${tenant.id} job ${job.jobId}`, job.statusLog, job.status, JOB_MACHINE);
  for (const task of [...b.taskHistory, ...b.tasks]) checkLog(`tenant ${tenant.id} task ${task.taskId}`, task.statusLog, task.status, TASK_MACHINE);
  for (const round of b.rounds) checkLog(`tenant ${tenant.id} round ${round.roundId}`, round.statusLog, round.status, ROUND_MACHINE);
  checkIds(`tenant ${tenant.id} job id`, [...b.jobHistory, ...b.jobs].map((j) => j.jobId), b.counters.jobId);
  checkIds(`tenant ${tenant.id} task id`, [...b.taskHistory, ...b.tasks].map((t) => t.taskId), b.counters.taskId);
  checkIds(`tenant ${tenant.id} backup set id`, b.setFiles.map((s) => s.backupSetId), b.counters.backupSetId);
  for (const set of b.setFiles) checkSet(tenant, b, set);
  checkClean(tenant, b);
  checkFailures(tenant, b);
  for (const round of b.rounds) {
    if (round.status === 'DOING') invariant(round.checkpointScn > round.startScn, `tenant ${tenant.id}: DOING round with checkpoint <= start`);
    invariant(round.checkpointScn <= BigInt(state.nowUs + 1) * 1000n, `tenant ${tenant.id}: archive checkpoint ahead of now`);
  }
}

/**
 * The failure states (issue 19): a failed user job carries a negative RESULT and a COMMENT, its set is never
 * AVAILABLE, an INTERRUPTED round says which log stream stopped and a running round says nothing, and a retried
 * task stays within OB_BACKUP_MAX_RETRY_TIMES.
 */
function checkFailures(tenant: TenantState, b: TenantBackup): void {
  for (const job of [...b.jobHistory, ...b.jobs]) {
    if (job.status !== 'FAILED' || job.jobLevel !== 'USER_TENANT') continue;
    invariant(job.result < 0 && job.comment !== '', `tenant ${tenant.id} job ${job.jobId}: FAILED without a RESULT and a COMMENT`);
  }
  for (const set of b.setFiles) {
    if (set.status === 'FAILED') invariant(set.fileStatus !== 'AVAILABLE', `tenant ${tenant.id} set ${set.backupSetId}: FAILED but AVAILABLE`);
  }
  for (const round of b.rounds) {
    if (round.status === 'INTERRUPTED') invariant(round.comment !== '', `tenant ${tenant.id} round ${round.roundId}: INTERRUPTED without a COMMENT`);
    if (round.status === 'DOING' || round.status === 'BEGINNING') invariant(round.comment === '', `tenant ${tenant.id} round ${round.roundId}: running with a COMMENT`);
  }
  for (const task of b.tasks) {
    invariant((task.retryCnt ?? 0) <= 64 && (task.lsRetryId ?? 0) <= 64, `tenant ${tenant.id} task ${task.taskId}: retried past OB_BACKUP_MAX_RETRY_TIMES`);
  }
}

/** Faults: ids unique, ordered and below the counter; a span that ends after it starts; no arming edge overdue. */
function checkFaults(state: ClusterState): void {
  checkIds('fault id', state.faults.map((f) => f.faultId), state.nextFaultId);
  state.faults.forEach((f, i) => {
    const what = `fault ${f.faultId}`;
    invariant(i === 0 || f.faultId > state.faults[i - 1]!.faultId, `${what}: faults are not in id order`);
    invariant(f.armedUntilUs === null || f.armedUntilUs > f.armedFromUs, `${what}: armed until before armed from`);
    invariant(Number.isInteger(f.fired) && f.fired >= 0, `${what}: FIRED ${f.fired}`);
    invariant(f.nextAtUs === null || f.nextAtUs > state.nowUs, `${what}: an arming edge at ${f.nextAtUs} was not processed by ${state.nowUs}`);
    invariant(f.nextAtUs === null || f.nextAtUs === f.armedFromUs || f.nextAtUs === f.armedUntilUs, `${what}: an edge that is neither end`);
  });
}

/** Delete jobs and tasks: allowed edges, files DELETING exactly while a live task deletes them. */
function checkClean(tenant: TenantState, b: TenantBackup): void {
  for (const job of [...b.deleteJobHistory, ...b.deleteJobs]) checkLog(`tenant ${tenant.id} delete job ${job.jobId}`, job.statusLog, job.status, JOB_MACHINE);
  for (const task of [...b.deleteTaskHistory, ...b.deleteTasks]) {
    checkLog(`tenant ${tenant.id} delete task ${task.taskId}`, task.statusLog, task.status, JOB_MACHINE);
  }
  invariant(b.deleteJobs.filter((j) => j.status === 'INIT' || j.status === 'DOING' || j.status === 'CANCELING').length <= 1, `tenant ${tenant.id}: two live delete jobs`);
  const deleting = new Set(
    b.deleteTasks.filter((t) => t.status === 'INIT' || t.status === 'DOING').map((t) => `${t.taskType}:${t.destId}:${t.roundId}:${t.id}`),
  );
  for (const s of b.setFiles) {
    if (s.fileStatus === 'DELETING') invariant(deleting.has(`BACKUP SET:${s.destId}:0:${s.backupSetId}`), `tenant ${tenant.id}: set ${s.backupSetId} DELETING without a task`);
  }
  for (const p of b.pieces) {
    if (p.fileStatus === 'DELETING') {
      invariant(deleting.has(`BACKUP PIECE:${p.destId}:${p.roundId}:${p.pieceId}`), `tenant ${tenant.id}: piece ${p.pieceId} DELETING without a task`);
    }
    if (p.fileStatus === 'DELETING' || p.fileStatus === 'DELETED') invariant(p.status === 'FROZEN', `tenant ${tenant.id}: an active piece is cleaned`);
  }
}

/** Restore rows: edges, one live job per name, the tenant row's tenant exists and is RESTORE until it succeeds. */
function checkRestore(state: ClusterState): void {
  const names = new Set<string>();
  for (const job of [...state.restoreHistory, ...state.restoreJobs]) {
    const machine = job.tenantId === 1 ? SYS_RESTORE_MACHINE : TENANT_RESTORE_MACHINE;
    checkLog(`restore job ${job.jobId} row ${job.tenantId}`, job.statusLog, job.status, machine);
  }
  for (const job of state.restoreHistory) invariant(job.status === 'SUCCESS' || job.status === 'FAIL', `restore history row ${job.jobId} is ${job.status}`);
  for (const job of state.restoreJobs) {
    invariant(job.status !== 'SUCCESS' && job.status !== 'FAIL', `live restore row ${job.jobId} is ${job.status}`);
    if (job.tenantId === 1) {
      const name = job.restoreTenantName.toLowerCase();
      invariant(!names.has(name), `two live restores of ${name}`);
      names.add(name);
      if (job.status === 'WAIT_TENANT_RESTORE_FINISH' || job.status === 'RESTORE_SUCCESS') invariant(job.restoreTenantId !== 0, `restore job ${job.jobId}: no tenant after CREATE_TENANT`);
      continue;
    }
    const tenant = state.tenants.find((t) => t.id === job.tenantId);
    invariant(tenant !== undefined, `restore job ${job.jobId}: tenant ${job.tenantId} missing`);
    const done = job.status === 'RESTORE_SUCCESS';
    invariant(tenant.role === (done ? 'STANDBY' : 'RESTORE') || (done && tenant.role === 'PRIMARY'), `restore job ${job.jobId}: tenant role ${tenant.role}`);
    invariant(state.restoreJobs.some((j) => j.tenantId === 1 && j.jobId === job.jobId), `restore job ${job.jobId}: tenant row without a sys row`);
  }
  for (const pool of state.resourcePools) {
    invariant(pool.tenantId === null || state.tenants.some((t) => t.id === pool.tenantId), `pool ${pool.name} granted to a missing tenant`);
  }
  // Every sys or user tenant runs on a pool of its own (meta tenants share their user tenant's).
  for (const t of state.tenants) {
    if (t.type !== 'META') invariant(state.resourcePools.some((p) => p.tenantId === t.id), `tenant ${t.name} has no resource pool`);
  }
  const unique = (list: readonly { name: string }[]) => new Set(list.map((x) => x.name)).size === list.length;
  invariant(unique(state.resourceUnits) && unique(state.resourcePools), 'unit or pool names are not unique');
}

/** Throws InvariantError when the cluster's state breaks a rule; with `before`, also checks history is append-only. */
export function assertInvariants(cluster: Cluster | ClusterState, before?: ClusterState): void {
  const state = 'state' in cluster ? cluster.state : cluster;
  invariant(state.tenants.every((t, i) => i === 0 || t.id > state.tenants[i - 1]!.id), 'tenants are not ordered by id');
  for (const tenant of state.tenants) checkTenant(state, tenant);
  for (const tenant of state.tenants) if (tenant.backup !== null) checkData(tenant.id, tenant.backup.data);
  checkRestore(state);
  checkFaults(state);
  if (before === undefined) return;
  invariant(state.nowUs >= before.nowUs, 'virtual time went back');
  checkAppendOnly('restoreHistory', before.restoreHistory, state.restoreHistory);
  for (const old of before.tenants) {
    const now = state.tenants.find((t) => t.id === old.id);
    if (!now || !now.backup || !old.backup) continue;
    for (const key of ['jobHistory', 'taskHistory', 'roundHistory', 'storageInfoHistory', 'deleteJobHistory', 'deleteTaskHistory'] as const) {
      checkAppendOnly(`tenant ${old.id}: ${key}`, old.backup[key] as readonly unknown[], now.backup[key] as readonly unknown[]);
    }
  }
}

function checkAppendOnly(what: string, prev: readonly unknown[], cur: readonly unknown[]): void {
  invariant(cur.length >= prev.length, `${what} lost rows`);
  for (let i = 0; i < prev.length; i++) invariant(stableJson(prev[i]) === stableJson(cur[i]), `${what} row ${i} changed`);
}

/** JSON with bigints and typed arrays, for comparing states byte for byte. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    // Maps (user data: rows, unique indexes) in insertion order, which is part of the state.
    if (v instanceof Map) return { map: [...v] };
    return v;
  });
}
