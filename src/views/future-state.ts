/**
 * State the engine does not have yet: backup clean (delete) jobs and tasks, and restore jobs (issue 6). The views
 * for them read these optional fields, so they answer with their full column lists and no rows today (true: 4.2
 * runs no clean job without a policy-driven job, and the emulator refuses RESTORE), and with real rows as soon as
 * the engine adds fields of these shapes to TenantBackup / ClusterState. The shapes are the proposal for state.ts.
 */
import type { ClusterState, TenantBackup } from '../engine/index.js';

/** A DBA_OB_BACKUP_DELETE_JOBS / _JOB_HISTORY row (views.md §6.2). */
export interface DeleteJobRecord {
  jobId: number;
  incarnation: number;
  initiatorTenantId: number;
  initiatorJobId: number;
  executorTenantIds: number[];
  /** `DELETE OBSOLETE BACKUP`, … (§8.14). */
  type: string;
  /** PARAMETER: the obsolete-before time (µs); shown as USEC_TO_TIME in the 4.2 profile. */
  parameterUs: number;
  jobLevel: 'USER_TENANT' | 'SYS_TENANT';
  startUs: number;
  /** 0 while running. */
  endUs: number;
  status: 'INIT' | 'DOING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED';
  taskCount: number;
  successTaskCount: number;
  result: number;
  comment: string;
}

/** A DBA_OB_BACKUP_DELETE_TASKS / _TASK_HISTORY row (views.md §6.3). */
export interface DeleteTaskRecord {
  taskId: number;
  incarnation: number;
  jobId: number;
  taskType: 'BACKUP SET' | 'BACKUP PIECE';
  /** backup_set_id or piece_id. */
  id: number;
  /** 0 for sets. */
  roundId: number;
  destId: number;
  startUs: number;
  endUs: number;
  status: string;
  totalLsCount: number;
  finishLsCount: number;
  result: number;
  comment: string;
  path: string;
}

export interface FutureTenantBackup {
  deleteJobs: DeleteJobRecord[];
  deleteJobHistory: DeleteJobRecord[];
  deleteTasks: DeleteTaskRecord[];
  deleteTaskHistory: DeleteTaskRecord[];
}

/** A restore job as both restore views need it (views.md §7.1, §7.2); one per (tenant row, job). */
export interface RestoreJobRecord {
  /** 1 for the sys row, the restored tenant's id for its own row. */
  tenantId: number;
  jobId: number;
  restoreTenantName: string;
  restoreTenantId: number;
  backupTenantName: string;
  backupTenantId: number;
  backupClusterName: string;
  /** The FROM URIs, comma-joined. */
  backupDest: string;
  restoreOption: string;
  restoreType: string;
  restoreScn: bigint;
  /** Raw job status; the progress view maps RESTORE_PRE, RESTORE_CREATE_INIT_LS, RESTORE_WAIT_LS, POST_CHECK to RESTORING. */
  status: string;
  startUs: number;
  /** 0 while running. */
  finishUs: number;
  backupSetList: string;
  backupPieceList: string;
  /** Encoded version of the backup cluster, e.g. 17179869184 (4.0.0.0). */
  backupClusterVersion: bigint;
  lsCount: number;
  finishLsCount: number;
  tabletCount: number;
  finishTabletCount: number;
  /** null in the sys row of RESTORE_PROGRESS (no `__all_restore_progress` row). */
  totalBytes: number | null;
  finishBytes: number | null;
  description: string;
  comment: string;
}

export interface FutureClusterState {
  /** CDB_OB_RESTORE_PROGRESS rows (live jobs). */
  restoreJobs: RestoreJobRecord[];
  /** CDB_OB_RESTORE_HISTORY rows (finished jobs, STATUS SUCCESS / FAIL). */
  restoreHistory: RestoreJobRecord[];
}

export function futureBackup(backup: TenantBackup | null): Partial<FutureTenantBackup> {
  return backup === null ? {} : (backup as TenantBackup & Partial<FutureTenantBackup>);
}

export function futureCluster(state: ClusterState): Partial<FutureClusterState> {
  return state as ClusterState & Partial<FutureClusterState>;
}
