/** The engine's state, tenants: see state.ts for the units and rules. */
import type { ArchivePiece, ArchiveRound } from '../archive/state.js';
import type { BackupJob, BackupSetFile, BackupTask, DeletePolicy } from '../backup/state.js';
import type { TenantData } from '../data/state.js';
import type { ArchiveDest, ArchiveDestState, BackupDest, BackupParameterRow, StorageInfo } from '../dest/state.js';
import type { CompatibilityMode, JobStatus, LogMode, StatusChange, TenantStatus } from '../state-vocabulary.js';

// ---------------------------------------------------------------------------------------------------------------
// Tenants
// ---------------------------------------------------------------------------------------------------------------

/** A DBA_OB_TENANTS row (views.md §7.3) plus, for sys and user tenants, their backup state. */
export interface TenantState {
  /** TENANT_ID. */
  id: number;
  /** TENANT_NAME. Meta tenants are named `META$<user id>`. */
  name: string;
  /** TENANT_TYPE. */
  type: 'SYS' | 'META' | 'USER';
  /** CREATE_TIME, MODIFY_TIME. */
  createUs: number;
  modifyUs: number;
  /** PRIMARY_ZONE, LOCALITY, PREVIOUS_LOCALITY ('' shows NULL). */
  primaryZone: string;
  locality: string;
  previousLocality: string;
  /** COMPATIBILITY_MODE. */
  compatibilityMode: CompatibilityMode;
  /** STATUS. */
  status: TenantStatus;
  /** IN_RECYCLEBIN, LOCKED: 'NO' / 'YES'. */
  inRecyclebin: 'NO' | 'YES';
  locked: 'NO' | 'YES';
  /** TENANT_ROLE, SWITCHOVER_STATUS, SWITCHOVER_EPOCH. */
  role: 'PRIMARY' | 'STANDBY' | 'RESTORE';
  switchoverStatus: string;
  switchoverEpoch: number;
  /**
   * SYNC_SCN, REPLAYABLE_SCN, READABLE_SCN: for user tenants they follow the GTS (a primary is always in sync), so
   * they are not stored: a view shows the SCN of `now` (scnOfUs). null for sys and meta (the column is NULL).
   */
  followsGts: boolean;
  /**
   * RECOVERY_UNTIL_SCN: for a primary user tenant the maximum SCN (4611686018427387903); null for sys and meta. A
   * restoring tenant shows its restore SCN; RECOVER STANDBY UNTIL sets it (UNLIMITED: the maximum).
   */
  recoveryUntilScn: bigint | null;
  /**
   * SYNC_SCN, REPLAYABLE_SCN, READABLE_SCN of a user tenant that does not follow the GTS (`followsGts` false: a
   * restoring or standby tenant): the point its data is replayed to. null otherwise.
   */
  replayedScn: bigint | null;
  /** LOG_MODE: flipped by ARCHIVELOG / NOARCHIVELOG; sys and meta always NOARCHIVELOG. */
  logMode: LogMode;
  /** ARBITRATION_SERVICE_STATUS. */
  arbitrationServiceStatus: string;
  /** UNIT_NUM. */
  unitNum: number;
  /** COMPATIBLE (data version), e.g. `4.2.5.0`; also BACKUP_SET_FILES.TENANT_COMPATIBLE. */
  compatible: string;
  /** MAX_LS_ID: 1 for sys and meta, 1001 for a user tenant with one user LS. */
  maxLsId: number;
  /** Tenant parameters (statements.md §4.7); also what SHOW PARAMETERS reads. */
  parameters: TenantParameters;
  /** Backup, archive and data state; null for meta tenants, which never have backup rows (views.md §2.1). */
  backup: TenantBackup | null;
}

export interface TenantParameters {
  /** ha_low_thread_score, integer [0,100], 0 = OB_DEFAULT_BACKUP_CONCURRENCY. */
  ha_low_thread_score: number;
  /** ha_high_thread_score, integer [0,100]. */
  ha_high_thread_score: number;
  /** log_archive_concurrency, integer [0,100]. */
  log_archive_concurrency: number;
  /**
   * archive_lag_target, as typed (a time string in [0ms, 7200s], default `120s`; DEF_TIME in ob_parameter_seed.ipp).
   * Stored and shown only: OceanBase's archive fetcher and scheduler throttle by this tenant parameter, while the
   * archive model here paces rounds by the dest's LAG_TARGET attribute (ArchiveDest.lagTargetUs). The source does
   * not read one as the other's fallback, so neither overrides the other here.
   */
  archive_lag_target: string;
  /**
   * Every other tenant parameter ALTER SYSTEM SET gave this tenant, by name, as typed: stored and shown in
   * GV$OB_PARAMETERS, not read by the engine (the emulator does not model their effect).
   */
  other: Record<string, string>;
}

/** Per-tenant counters in `__all_backup_info` (views.md §10.2). Each is the NEXT value to hand out. */
export interface BackupCounters {
  jobId: number;
  taskId: number;
  backupSetId: number;
  destId: number;
}

export interface TenantBackup {
  counters: BackupCounters;
  /** data_backup_dest, or null when unset / cleared. Feeds DBA_OB_BACKUP_PARAMETER and job/set PATH. */
  dataBackupDest: BackupDest | null;
  /** log_archive_dest (destNo 0) and log_archive_dest_n; feeds DBA_OB_ARCHIVE_DEST. */
  archiveDests: ArchiveDest[];
  /** log_archive_dest_state[_n] per dest_no (DBA_OB_ARCHIVE_DEST `state`). */
  archiveDestStates: ArchiveDestState[];
  /** DBA_OB_BACKUP_PARAMETER rows, sorted by name. */
  parameterRows: BackupParameterRow[];
  /** DBA_OB_BACKUP_STORAGE_INFO rows (live dests) and _HISTORY rows (every registration). */
  storageInfo: StorageInfo[];
  storageInfoHistory: StorageInfo[];
  /** DBA_OB_ARCHIVELOG: one progress row per dest_no, kept after STOP. */
  rounds: ArchiveRound[];
  /** __all_log_archive_history: a copy of each round when it reaches STOP (DBA_OB_ARCHIVELOG_SUMMARY). */
  roundHistory: ArchiveRound[];
  /** DBA_OB_ARCHIVELOG_PIECE_FILES. */
  pieces: ArchivePiece[];
  /** DBA_OB_BACKUP_JOBS (live: INIT, DOING, CANCELING, and terminal for at most one scheduler round). */
  jobs: BackupJob[];
  /** DBA_OB_BACKUP_JOB_HISTORY: append-only. */
  jobHistory: BackupJob[];
  /** DBA_OB_BACKUP_TASKS (live) and _TASK_HISTORY (append-only). */
  tasks: BackupTask[];
  taskHistory: BackupTask[];
  /** DBA_OB_BACKUP_SET_FILES: never moved to a history table. */
  setFiles: BackupSetFile[];
  /** DBA_OB_BACKUP_DELETE_POLICY. */
  deletePolicies: DeletePolicy[];
  /** The archive scheduler's next look at this tenant (statements.md §3.1 process_), or null if idle. */
  archiveCheckAtUs: number | null;
  /** The synthetic data of the tenant: macroblocks, tablets, write workload, log generation. */
  data: TenantData;
  /** DBA_OB_BACKUP_DELETE_JOBS (live) and _JOB_HISTORY (append-only). */
  deleteJobs: DeleteJob[];
  deleteJobHistory: DeleteJob[];
  /** DBA_OB_BACKUP_DELETE_TASKS (live) and _TASK_HISTORY (append-only). */
  deleteTasks: DeleteTask[];
  deleteTaskHistory: DeleteTask[];
  /** The clean scheduler's next look for obsolete backups (with a delete policy), or null. */
  deleteCheckAtUs: number | null;
  /** log_restore_source (DBA_OB_LOG_RESTORE_SOURCE: TYPE `LOCATION` / `SERVICE`, VALUE as typed), or null. */
  logRestoreSource: { type: 'LOCATION' | 'SERVICE'; value: string } | null;
}

/** A DBA_OB_BACKUP_DELETE_JOBS / _JOB_HISTORY row (views.md §6.2). */
export interface DeleteJob {
  jobId: number;
  incarnation: number;
  initiatorTenantId: number;
  initiatorJobId: number;
  /** EXECUTOR_TENANT_ID, comma-joined by the view. */
  executorTenantIds: number[];
  /** TYPE: `DELETE OBSOLETE BACKUP`. */
  type: string;
  /** PARAMETER: the obsolete-before time (µs), shown as USEC_TO_TIME in the 4.2 profile. */
  parameterUs: number;
  jobLevel: 'USER_TENANT' | 'SYS_TENANT';
  startUs: number;
  /** END_TIMESTAMP; 0 while running (NULL). */
  endUs: number;
  status: JobStatus;
  taskCount: number;
  successTaskCount: number;
  result: number;
  comment: string;
  /** Internal: the scheduler's next step, or null. */
  nextAtUs: number | null;
  statusLog: StatusChange<JobStatus>[];
  /** Internal (faults): retry_count_ of the delete job, bumped by a retried error (ObBackupCleanTaskMgr::is_can_retry_). */
  retryCount?: number;
}

/** A DBA_OB_BACKUP_DELETE_TASKS / _TASK_HISTORY row (views.md §6.3). */
export interface DeleteTask {
  taskId: number;
  incarnation: number;
  jobId: number;
  /** TASK_TYPE. */
  taskType: 'BACKUP SET' | 'BACKUP PIECE';
  /** ID: backup_set_id or piece_id. */
  id: number;
  /** ROUND_ID: 0 for sets. */
  roundId: number;
  destId: number;
  startUs: number;
  /** 0 while running (NULL). */
  endUs: number;
  /** STATUS: INIT, DOING, COMPLETED, FAILED, CANCELING, CANCELED. */
  status: JobStatus;
  totalLsCount: number;
  finishLsCount: number;
  result: number;
  comment: string;
  /** PATH: the dest root. */
  path: string;
  /** Internal: the scheduler's next step, or null. */
  nextAtUs: number | null;
  statusLog: StatusChange<JobStatus>[];
}
