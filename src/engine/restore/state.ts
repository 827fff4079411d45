/** The engine's state, restore (views.md §7.1, §7.2, §8.13): see state.ts for the units and rules. */
import type { CompatibilityMode, DestType, StatusChange } from '../state-vocabulary.js';

// ---------------------------------------------------------------------------------------------------------------
// Restore (views.md §7.1, §7.2, §8.13)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Raw restore job statuses. The sys row goes CREATE_TENANT → WAIT_TENANT_RESTORE_FINISH → RESTORE_SUCCESS |
 * RESTORE_FAIL; the tenant row RESTORE_PRE → RESTORE_CREATE_INIT_LS → RESTORE_WAIT_LS → POST_CHECK → UPGRADE →
 * RESTORE_SUCCESS | RESTORE_FAIL. RESTORE_PROGRESS.STATUS shows the first four tenant statuses as RESTORING.
 * History rows carry `SUCCESS` / `FAIL`.
 */
export type RestoreStatus =
  | 'CREATE_TENANT'
  | 'WAIT_TENANT_RESTORE_FINISH'
  | 'RESTORE_PRE'
  | 'RESTORE_CREATE_INIT_LS'
  | 'RESTORE_WAIT_LS'
  | 'POST_CHECK'
  | 'UPGRADE'
  | 'RESTORE_SUCCESS'
  | 'RESTORE_FAIL'
  | 'SUCCESS'
  | 'FAIL';

/** A CDB_OB_RESTORE_PROGRESS row (live) or CDB_OB_RESTORE_HISTORY row (finished); one per (row tenant, job). */
export interface RestoreJob {
  /** TENANT_ID: 1 for the sys row, the restored tenant's id for its own row. */
  tenantId: number;
  /** JOB_ID (shared by the sys row and the tenant row). */
  jobId: number;
  /** RESTORE_TENANT_NAME, RESTORE_TENANT_ID (0 until the tenant is created). */
  restoreTenantName: string;
  restoreTenantId: number;
  /** BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME: the source tenant (from the dest's format file). */
  backupTenantName: string;
  backupTenantId: number;
  backupClusterName: string;
  /** BACKUP_DEST: the FROM URIs, comma-joined (credentials stripped). */
  backupDest: string;
  /** RESTORE_OPTION: the WITH string as typed. */
  restoreOption: string;
  /** RESTORE_TYPE: `FULL` (the values are not recorded; a physical restore is full). */
  restoreType: string;
  /** RESTORE_SCN (+ _DISPLAY). */
  restoreScn: bigint;
  /** STATUS: live rows the raw status; history rows `SUCCESS` / `FAIL`. */
  status: RestoreStatus;
  /** START_TIMESTAMP; FINISH_TIMESTAMP (history; 0 while running). */
  startUs: number;
  finishUs: number;
  /** BACKUP_SET_LIST, BACKUP_PIECE_LIST: comma-joined paths (views.md §12.4). */
  backupSetList: string;
  backupPieceList: string;
  /** BACKUP_CLUSTER_VERSION: the encoded version of the backup cluster (4.2.5.0 = 17180001536). */
  backupClusterVersion: bigint;
  /** LS_COUNT, FINISH_LS_COUNT, TABLET_COUNT, FINISH_TABLET_COUNT. */
  lsCount: number;
  finishLsCount: number;
  tabletCount: number;
  finishTabletCount: number;
  /** TOTAL_BYTES, FINISH_BYTES (+ _DISPLAY); null in the sys row of RESTORE_PROGRESS. */
  totalBytes: number | null;
  finishBytes: number | null;
  /** DESCRIPTION; COMMENT (history: why a job failed). */
  description: string;
  comment: string;
  /** Internal: the scheduler's next step for a live row, or null. */
  nextAtUs: number | null;
  /** Internal: every status change, for tests and the invariant checker. */
  statusLog: StatusChange<RestoreStatus>[];
  /** Internal: what the restore copies, fixed when the job is accepted (null on history rows of the sys job). */
  plan: RestorePlan | null;
  /**
   * Internal (faults, ObLSRestoreResultMgr): how many times the log streams' data restore failed and was retried,
   * and since when it stands still waiting for the next attempt (null while it runs).
   */
  lsRetryCount?: number;
  pausedAtUs?: number | null;
}

/** Internal: the sets and pieces a restore uses, and the data it produces. */
export interface RestorePlan {
  sourceTenantId: number;
  /** Backup set ids (FULL first, then its INCs) and piece keys used. */
  backupSetIds: number[];
  pieces: { destId: number; roundId: number; pieceId: number }[];
  /** The restore point as virtual µs (the data equals the source's macroblock versions at this time). */
  restoreUs: number;
  /** The pool names of pool_list, primary_zone and locality from the option string ('' when absent). */
  poolList: string[];
  primaryZone: string;
  locality: string;
  /** TOTAL_BYTES of the tenant row: the chosen sets' OUTPUT_BYTES (ObBackupSetDesc.total_bytes_). */
  totalBytes: number;
  /** Log bytes to replay (from the last set's START_REPLAY_SCN to the restore SCN). */
  logBytes: number;
  /** When RESTORE_WAIT_LS began (bytes restored grow linearly from there). */
  phaseStartUs: number;
  /** Duration of RESTORE_WAIT_LS, from the bytes restored (µs). */
  waitLsUs: number;
  /** The source tenant's compatibility mode (the new tenant's). */
  compatibilityMode: CompatibilityMode;
}

export interface FormatFile {
  /** Dest root without the query part and without a trailing '/'. */
  root: string;
  tenantId: number;
  destType: DestType;
  destId: number;
}

/** One row of DBA_OB_ROOTSERVICE_EVENT_HISTORY: GMT_CREATE, MODULE, EVENT, NAME1..6 / VALUE1..6. */
export interface RootserviceEvent {
  atUs: number;
  module: string;
  event: string;
  /** Up to six (name, value) pairs, in column order. */
  values: [string, string][];
}
