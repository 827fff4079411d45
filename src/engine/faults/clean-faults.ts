/**
 * What a BACKUP CLEAN fault does to a delete task that is deleting its files, as ObBackupCleanTaskMgr decides
 * (ob_backup_clean_task_mgr.cpp): is_can_retry_(err) = can_retry && retry_count < OB_MAX_RETRY_TIMES (3) &&
 * ObBackupUtils::is_need_retry_error(err) — a retried error waits OB_BACKUP_RETRY_TIME_INTERVAL and tries again;
 * otherwise the job ends FAILED (ObUserTenantBackupDeleteMgr::deal_non_reentrant_job: RESULT = the error, its
 * tasks FAILED) with the failed log stream task's COMMENT (ObHAResultInfo, module BACKUP_CLEAN, views.md §8.6).
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import type { ClusterState, DeleteJob } from '../state.js';
import { BACKUP_RETRY_INTERVAL_US, MAX_RETRY_TIMES, isNeedRetryError } from './classify.js';
import { activeError } from './faults.js';

export type CleanVerdict = { readonly kind: 'go' } | { readonly kind: 'retry'; readonly atUs: number } | { readonly kind: 'fail'; readonly name: ObErrorName };

/** Decides a delete task's deleting step under the faults armed now; a retry bumps the job's retry count. */
export function cleanStepVerdict(state: ClusterState, tenantId: number, job: DeleteJob): CleanVerdict {
  const hit = activeError(state, tenantId, 'BACKUP CLEAN');
  if (hit === null) return { kind: 'go' };
  hit.fault.fired++;
  const retries = job.retryCount ?? 0;
  if (!isNeedRetryError(hit.name) || retries >= MAX_RETRY_TIMES) return { kind: 'fail', name: hit.name };
  job.retryCount = retries + 1;
  return { kind: 'retry', atUs: state.nowUs + BACKUP_RETRY_INTERVAL_US };
}

export function cleanComment(name: ObErrorName, trace: string): string {
  const def = OB_ERRORS[name];
  return `(SERVER)ls_id: 1001, addr: 127.0.0.1:2882, module: BACKUP_CLEAN, result: ${def.code}(${def.m3}), trace_id: ${trace}`;
}
