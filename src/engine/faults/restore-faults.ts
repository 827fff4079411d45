/**
 * What a RESTORE fault does (emulator.md "Faults"): the restore fails at the phase it is in, with the fault's
 * error, as ObRestoreScheduler::try_update_job_status does for a step that returns an error (get_next_status:
 * any error → PHYSICAL_RESTORE_FAIL) and ObPhysicalRestoreTableOperator::update_job_error_info writes COMMENT:
 * `<mod> : <error name>(<code>) on <addr> with traceid <trace>` (ob_physical_restore_table_operator.cpp). A step
 * of the rootservice gives mod ROOTSERVICE; the log streams' data restore (RESTORE_WAIT_LS) is reported by the
 * observer, as an ObHAResultInfo of module RESTORE_DATA (views.md §8.6).
 */
import { OB_ERRORS } from '../../errors.js';
import type { ObErrorName } from '../../errors.js';
import type { ClusterState, RestoreJob } from '../state.js';
import { SYS_TENANT_ID } from '../tenant/tenants.js';
import { activeError } from './faults.js';

/**
 * A restore reads the source tenant's backup dest: a BACKUP DEST error fault of that tenant (or of sys) answers its
 * reads with the error, except OB_BACKUP_DEVICE_OUT_OF_SPACE, which only a write can meet.
 */
export function backupDestReadFault(state: ClusterState, sourceTenantId: number): ObErrorName | null {
  const hit = activeError(state, sourceTenantId, 'BACKUP DEST');
  if (hit === null || hit.name === 'OB_BACKUP_DEVICE_OUT_OF_SPACE') return null;
  hit.fault.fired++;
  return hit.name;
}

/**
 * ObLSRestoreResultMgr (src/storage/restore/ob_ls_restore_handler.cpp): a log stream's restore error is retried
 * while retry_cnt_ < OB_MAX_RESTORE_RETRY_TIMES (64) and can_retrieable_err(err), one attempt at least
 * OB_MAX_LS_RESTORE_RETRY_TIME_INTERVAL (10 s) after the last error; only then does the LS (and the restore) fail.
 * can_retrieable_err lists the final ones; of the errors a fault can return, OB_ERR_UNEXPECTED.
 */
export const LS_RESTORE_MAX_RETRY_TIMES = 64;
export const LS_RESTORE_RETRY_INTERVAL_US = 10_000_000;
const LS_RESTORE_FINAL: ReadonlySet<string> = new Set(['OB_INVALID_ARGUMENT', 'OB_ERR_UNEXPECTED', 'OB_CANCELED', 'OB_NOT_SUPPORTED']);

export function lsRestoreCanRetry(name: ObErrorName, retries: number): boolean {
  return retries < LS_RESTORE_MAX_RETRY_TIMES && !LS_RESTORE_FINAL.has(name);
}

/** The armed RESTORE error that hits this restore row now: a fault of its tenant, or of sys (every restore). */
export function restoreFault(state: ClusterState, job: RestoreJob): ObErrorName | null {
  if (job.status === 'RESTORE_SUCCESS' || job.status === 'RESTORE_FAIL' || job.status === 'SUCCESS' || job.status === 'FAIL') return null;
  // The log streams' data restore reads the backup dest too, and is retried (lsRestoreCanRetry).
  if (job.status === 'RESTORE_WAIT_LS' && job.plan !== null) {
    const read = backupDestReadFault(state, job.plan.sourceTenantId);
    if (read !== null) return read;
  }
  // The sys row's own step (CREATE_TENANT) fails only by a fault armed for every tenant; WAIT_TENANT_RESTORE_FINISH
  // follows the tenant's row.
  if (job.tenantId === SYS_TENANT_ID && job.status !== 'CREATE_TENANT') return null;
  const hit = activeError(state, job.tenantId, 'RESTORE');
  if (hit === null) return null;
  hit.fault.fired++;
  return hit.name;
}

/** The COMMENT of a restore that failed with `name` in its current phase. */
export function restoreFailComment(job: RestoreJob, name: ObErrorName, trace: string): string {
  const code = OB_ERRORS[name].code;
  if (job.status === 'RESTORE_WAIT_LS') {
    return `(SERVER)ls_id: 1001, addr: 127.0.0.1:2882, module: RESTORE_DATA, result: ${code}(${OB_ERRORS[name].m3}), trace_id: ${trace}`;
  }
  return `ROOTSERVICE : ${name}(${code}) on "127.0.0.1:2882" with traceid ${trace}`;
}
