/**
 * What a BACKUP DEST or SERVER fault does to a running data backup, step by step, as OceanBase 4.2 decides it:
 * the set task's current phase runs one kind of LS task (views.md §8.2), and a failed LS task is retried or ends
 * the job by ObBackupDataLSTaskMgr::finish_ (ob_backup_data_ls_task_mgr.cpp):
 * - BACKUP_META: retried while is_need_retry_error and retry_id < OB_MAX_RETRY_TIMES (3);
 * - BACKUP_DATA_SYS / _MINOR / _MAJOR: retried while is_need_retry_error and
 *   retry_cnt_ + next_retry_id <= OB_BACKUP_MAX_RETRY_TIMES (64), retry_cnt_ += next_retry_id per retry;
 * - PLUS_ARCHIVE_LOG: retried only for OB_REBALANCE_TASK_CANT_EXEC and OB_TIMEOUT (a task that could not be sent);
 * a redo waits OB_BACKUP_RETRY_TIME_INTERVAL (5 s) after the LS task ended. The INIT phase is the rootservice's own
 * I/O (the backup_set placeholder), retried by the job manager up to OB_MAX_RETRY_TIMES.
 * A down server fails every LS task it would run with OB_REBALANCE_TASK_CANT_EXEC (ObBackupTaskScheduler::
 * do_execute_, ob_backup_task_scheduler.cpp), which is retried.
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import { traceId } from '../backup/jobs.js';
import type { BackupTask, ClusterState, Fault, TaskStatus } from '../state.js';
import { BACKUP_MAX_RETRY_TIMES, BACKUP_RETRY_INTERVAL_US, MAX_RETRY_TIMES, isNeedRetryError } from './classify.js';
import { activeError, serverDown } from './faults.js';

type LsTaskKind = 'ROOTSERVICE' | 'BACKUP_META' | 'BACKUP_DATA' | 'PLUS_ARCHIVE_LOG';

/** The LS task a phase runs and its log stream (the sys LS 1 or the user LS 1001), as the schedule-task view shows. */
const PHASE_LS: Partial<Record<TaskStatus, [LsTaskKind, number]>> = {
  INIT: ['ROOTSERVICE', 0],
  BACKUP_SYS_META: ['BACKUP_META', 1],
  BACKUP_USER_META: ['BACKUP_META', 1001],
  BACKUP_DATA_SYS: ['BACKUP_DATA', 1],
  BACKUP_DATA_MINOR: ['BACKUP_DATA', 1001],
  BACKUP_DATA_MAJOR: ['BACKUP_DATA', 1001],
  BEFORE_BACKUP_LOG: ['PLUS_ARCHIVE_LOG', 1001],
  BACKUP_LOG: ['PLUS_ARCHIVE_LOG', 1001],
};

export type StepVerdict =
  | { readonly kind: 'go' }
  | { readonly kind: 'retry'; readonly atUs: number }
  /** `lsId` null: a rootservice failure (its COMMENT is the ROOTSERVICE form). */
  | { readonly kind: 'fail'; readonly name: ObErrorName; readonly lsId: number | null };

/** The fault that makes the current step's I/O fail now, with the error it returns, or null. */
function failing(state: ClusterState, tenantId: number, kind: LsTaskKind): { fault: Fault; name: ObErrorName } | null {
  const error = activeError(state, tenantId, 'BACKUP DEST');
  if (error !== null) return error;
  const down = kind === 'ROOTSERVICE' ? undefined : serverDown(state);
  return down === undefined ? null : { fault: down, name: 'OB_REBALANCE_TASK_CANT_EXEC' };
}

function canRetry(kind: LsTaskKind, name: ObErrorName, task: BackupTask, nextRetryId: number): boolean {
  switch (kind) {
    case 'ROOTSERVICE':
    case 'BACKUP_META':
      return isNeedRetryError(name) && nextRetryId <= MAX_RETRY_TIMES;
    case 'BACKUP_DATA':
      return isNeedRetryError(name) && (task.retryCnt ?? 0) + nextRetryId <= BACKUP_MAX_RETRY_TIMES;
    case 'PLUS_ARCHIVE_LOG':
      return name === 'OB_REBALANCE_TASK_CANT_EXEC';
  }
}

/**
 * Decides the step of a set task under the faults armed now: go on, wait for a redo, or fail. A retry bumps the
 * LS task's retry id and the set task's retry count in place and marks the task paused.
 */
export function backupStepVerdict(state: ClusterState, task: BackupTask): StepVerdict {
  const [kind, lsId] = PHASE_LS[task.status] ?? ['ROOTSERVICE', 0];
  const hit = failing(state, task.tenantId, kind);
  if (hit === null) return { kind: 'go' };
  hit.fault.fired++;
  const nextRetryId = (task.lsRetryId ?? 0) + 1;
  if (!canRetry(kind, hit.name, task, nextRetryId)) return { kind: 'fail', name: hit.name, lsId: kind === 'ROOTSERVICE' ? null : lsId };
  task.lsRetryId = nextRetryId;
  if (kind !== 'ROOTSERVICE') {
    task.retryCnt = (task.retryCnt ?? 0) + nextRetryId;
    // The failed attempt stays in the LS task row until its redo (finish_ → redo_ls_task): FINISH, the error, the
    // ObHAResultInfo COMMENT, END_TS now.
    const def = OB_ERRORS[hit.name];
    task.lsFailure = { result: def.code, comment: serverComment(lsId, def.code, def.m3, traceId(state)), atUs: state.nowUs };
  }
  if (task.pausedAtUs == null) task.pausedAtUs = state.nowUs;
  return { kind: 'retry', atUs: state.nowUs + BACKUP_RETRY_INTERVAL_US };
}

/** The set task entered a new phase: its LS task is a new one, with retry id 0. */
export function newLsTask(task: BackupTask): void {
  task.lsRetryId = 0;
}

/** `(SERVER)ls_id: …, module: BACKUP_DATA, result: …` (ObHAResultInfo::get_comment_str, views.md §8.6). */
export function serverComment(lsId: number, code: number, message: string, trace: string): string {
  return `(SERVER)ls_id: ${lsId}, addr: 127.0.0.1:2882, module: BACKUP_DATA, result: ${code}(${message}), trace_id: ${trace}`;
}
