/**
 * Policy-driven cleaning (statements.md §3.4, views.md §6.2-§6.3): with a delete policy, the clean scheduler looks
 * at the tenant every DELETE_CHECK_INTERVAL_US. When backups are obsolete (clean-plan.ts) it starts a delete job
 * (TYPE `DELETE OBSOLETE BACKUP`, JOB_LEVEL USER_TENANT, PARAMETER the obsolete-before time): INIT → DOING, which
 * creates one task per set (`BACKUP SET`) and piece (`BACKUP PIECE`) and marks their files DELETING; each task
 * INIT → DOING → COMPLETED deletes its file (DELETED; a piece adds its bytes to the round's DELETED_*); the job
 * then COMPLETES and moves, with its tasks, to the history tables. CANCEL DELETE BACKUP stops it (CANCELED).
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import { traceId } from '../backup/jobs.js';
import { obsoleteBackups } from './plan.js';
import { cleanComment, cleanStepVerdict } from '../faults/clean-faults.js';
import type { ClusterState, DeleteJob, DeleteTask, JobStatus, TenantBackup, TenantState } from '../state.js';
import { backupOf } from '../tenant/tenants.js';
import { US_PER_SECOND, parseTimeString, scnOfUs } from '../cluster/time.js';
import { JOB_MACHINE, changeStatus } from '../status-edges.js';

/** How often a tenant with a delete policy is looked at (the emulator's cadence; OceanBase's is not recorded). */
export const DELETE_CHECK_INTERVAL_US = 3600 * US_PER_SECOND;
const TICK_US = US_PER_SECOND;
/** Log streams a task visits (sys LS 1 and the user LS 1001). */
const LS_COUNT = 2;

function setStatus(state: ClusterState, row: DeleteJob | DeleteTask, to: JobStatus): void {
  changeStatus(JOB_MACHINE, 'taskId' in row ? `delete task ${row.taskId}` : `delete job ${row.jobId}`, row, to, state.nowUs);
}

/** The recovery window of the tenant's policy (µs), or null without a usable policy. */
function windowUs(backup: TenantBackup): number | null {
  const policy = backup.deletePolicies.find((p) => p.policyName === 'default');
  if (policy === undefined || policy.recoveryWindow === '') return null;
  return parseTimeString(policy.recoveryWindow);
}

/** Arms (or, without a policy, disarms) the tenant's clean check. */
export function scheduleDeleteCheck(state: ClusterState, tenant: TenantState): void {
  const backup = backupOf(tenant);
  backup.deleteCheckAtUs = windowUs(backup) === null ? null : state.nowUs + DELETE_CHECK_INTERVAL_US;
}

/** The periodic look: a delete job when something is obsolete and no delete job runs. */
export function deleteCheck(state: ClusterState, tenant: TenantState): void {
  const backup = backupOf(tenant);
  backup.deleteCheckAtUs = null;
  const window = windowUs(backup);
  if (window === null) return;
  backup.deleteCheckAtUs = state.nowUs + DELETE_CHECK_INTERVAL_US;
  if (backup.deleteJobs.length > 0 || tenant.status !== 'NORMAL') return;
  const parameterUs = state.nowUs - window;
  const obsolete = obsoleteBackups(backup, scnOfUs(parameterUs));
  if (obsolete.sets.length === 0 && obsolete.pieces.length === 0) return;
  const jobId = backup.counters.jobId++;
  backup.deleteJobs.push({
    jobId,
    incarnation: 1,
    initiatorTenantId: tenant.id,
    initiatorJobId: jobId,
    executorTenantIds: [tenant.id],
    type: 'DELETE OBSOLETE BACKUP',
    parameterUs,
    jobLevel: 'USER_TENANT',
    startUs: state.nowUs,
    endUs: 0,
    status: 'INIT',
    taskCount: 0,
    successTaskCount: 0,
    result: 0,
    comment: '',
    nextAtUs: state.nowUs + TICK_US,
    statusLog: [{ from: null, to: 'INIT', atUs: state.nowUs }],
  });
}

function newTask(state: ClusterState, backup: TenantBackup, job: DeleteJob, fields: Pick<DeleteTask, 'taskType' | 'id' | 'roundId' | 'destId' | 'path'>): DeleteTask {
  return {
    taskId: backup.counters.taskId++,
    incarnation: 1,
    jobId: job.jobId,
    ...fields,
    startUs: state.nowUs,
    endUs: 0,
    status: 'INIT',
    totalLsCount: LS_COUNT,
    finishLsCount: 0,
    result: 0,
    comment: '',
    nextAtUs: state.nowUs + TICK_US,
    statusLog: [{ from: null, to: 'INIT', atUs: state.nowUs }],
  };
}

/** A scheduled step of a delete job. */
export function deleteJobStep(state: ClusterState, tenant: TenantState, job: DeleteJob): void {
  const backup = backupOf(tenant);
  job.nextAtUs = null;
  switch (job.status) {
    case 'INIT': {
      setStatus(state, job, 'DOING');
      const obsolete = obsoleteBackups(backup, scnOfUs(job.parameterUs));
      for (const set of obsolete.sets) {
        set.fileStatus = 'DELETING';
        backup.deleteTasks.push(newTask(state, backup, job, { taskType: 'BACKUP SET', id: set.backupSetId, roundId: 0, destId: set.destId, path: set.path }));
      }
      for (const piece of obsolete.pieces) {
        piece.fileStatus = 'DELETING';
        backup.deleteTasks.push(
          newTask(state, backup, job, { taskType: 'BACKUP PIECE', id: piece.pieceId, roundId: piece.roundId, destId: piece.destId, path: piece.path }),
        );
      }
      job.taskCount = obsolete.sets.length + obsolete.pieces.length;
      if (job.taskCount === 0) finishJob(state, job, 'COMPLETED');
      return;
    }
    case 'CANCELING': {
      for (const task of backup.deleteTasks.filter((t) => t.jobId === job.jobId && (t.status === 'INIT' || t.status === 'DOING'))) {
        cancelTask(state, backup, task);
      }
      job.result = OB_ERRORS.OB_CANCELED.code;
      return finishJob(state, job, 'CANCELED');
    }
    case 'COMPLETED':
    case 'FAILED':
    case 'CANCELED':
      return moveToHistory(backup, job);
    case 'DOING':
      return;
  }
}

function finishJob(state: ClusterState, job: DeleteJob, to: JobStatus): void {
  job.endUs = state.nowUs;
  setStatus(state, job, to);
  job.nextAtUs = state.nowUs + TICK_US;
}

function moveToHistory(backup: TenantBackup, job: DeleteJob): void {
  const tasks = backup.deleteTasks.filter((t) => t.jobId === job.jobId);
  backup.deleteTasks = backup.deleteTasks.filter((t) => t.jobId !== job.jobId);
  backup.deleteTaskHistory.push(...tasks);
  backup.deleteJobs = backup.deleteJobs.filter((j) => j !== job);
  backup.deleteJobHistory.push(job);
}

/** A canceled task leaves its file as it was before the job (AVAILABLE). */
function cancelTask(state: ClusterState, backup: TenantBackup, task: DeleteTask): void {
  setStatus(state, task, 'CANCELING');
  setStatus(state, task, 'CANCELED');
  task.result = OB_ERRORS.OB_CANCELED.code;
  task.comment = OB_ERRORS.OB_CANCELED.m3;
  task.endUs = state.nowUs;
  task.nextAtUs = null;
  const file = fileOf(backup, task);
  if (file !== undefined && file.fileStatus === 'DELETING') file.fileStatus = 'AVAILABLE';
}

function fileOf(backup: TenantBackup, task: DeleteTask): { fileStatus: string } | undefined {
  if (task.taskType === 'BACKUP SET') return backup.setFiles.find((s) => s.backupSetId === task.id);
  return backup.pieces.find((p) => p.destId === task.destId && p.roundId === task.roundId && p.pieceId === task.id);
}

/** A scheduled step of a delete task: INIT → DOING → COMPLETED (the file is DELETED). */
export function deleteTaskStep(state: ClusterState, tenant: TenantState, task: DeleteTask): void {
  const backup = backupOf(tenant);
  task.nextAtUs = null;
  const job = backup.deleteJobs.find((j) => j.jobId === task.jobId);
  if (job === undefined || job.status !== 'DOING') return;
  if (task.status === 'INIT') {
    setStatus(state, task, 'DOING');
    task.nextAtUs = state.nowUs + TICK_US;
    return;
  }
  if (task.status !== 'DOING') return;
  const verdict = cleanStepVerdict(state, tenant.id, job);
  if (verdict.kind === 'retry') {
    task.nextAtUs = verdict.atUs;
    return;
  }
  if (verdict.kind === 'fail') return failDeleteJob(state, backup, job, verdict.name);
  if (task.taskType === 'BACKUP SET') {
    const set = backup.setFiles.find((s) => s.backupSetId === task.id);
    if (set !== undefined) set.fileStatus = 'DELETED';
  } else {
    const piece = backup.pieces.find((p) => p.destId === task.destId && p.roundId === task.roundId && p.pieceId === task.id);
    if (piece !== undefined) {
      piece.fileStatus = 'DELETED';
      const round = backup.rounds.find((r) => r.destId === piece.destId && r.roundId === piece.roundId);
      if (round !== undefined) {
        round.deletedInputBytes += piece.inputBytes;
        round.deletedOutputBytes += piece.outputBytes;
      }
    }
  }
  task.finishLsCount = task.totalLsCount;
  task.endUs = state.nowUs;
  setStatus(state, task, 'COMPLETED');
  job.successTaskCount++;
  if (backup.deleteTasks.every((t) => t.jobId !== job.jobId || t.status === 'COMPLETED')) finishJob(state, job, 'COMPLETED');
}

/**
 * A final error while deleting: every live task of the job FAILED with it, their files back to what they were
 * (nothing was deleted: the sets and pieces stay), the job FAILED with RESULT and the task's COMMENT.
 */
function failDeleteJob(state: ClusterState, backup: TenantBackup, job: DeleteJob, name: ObErrorName): void {
  const comment = cleanComment(name, traceId(state));
  for (const t of backup.deleteTasks.filter((x) => x.jobId === job.jobId && (x.status === 'INIT' || x.status === 'DOING'))) {
    setStatus(state, t, 'FAILED');
    t.result = OB_ERRORS[name].code;
    t.comment = comment;
    t.endUs = state.nowUs;
    t.nextAtUs = null;
    const file = fileOf(backup, t);
    if (file !== undefined && file.fileStatus === 'DELETING') file.fileStatus = 'AVAILABLE';
  }
  job.result = OB_ERRORS[name].code;
  job.comment = comment;
  finishJob(state, job, 'FAILED');
}

/** CANCEL DELETE BACKUP: live delete jobs (INIT / DOING) go to CANCELING; the scheduler cancels them. */
export function cancelDeleteJobs(state: ClusterState, tenant: TenantState): void {
  for (const job of backupOf(tenant).deleteJobs) {
    if (job.status === 'INIT' || job.status === 'DOING') {
      setStatus(state, job, 'CANCELING');
      job.nextAtUs = state.nowUs + TICK_US;
    }
  }
}
