/** The engine's state, data backup: see state.ts for the units and rules. */
import type { BackupType, EncryptionMode, FileStatus, JobLevel, JobStatus, SetStatus, StatusChange, TaskStatus } from '../state-vocabulary.js';

// ---------------------------------------------------------------------------------------------------------------
// Data backup
// ---------------------------------------------------------------------------------------------------------------

/** A DBA_OB_BACKUP_JOBS / _JOB_HISTORY row (views.md §4.1). */
export interface BackupJob {
  tenantId: number;
  jobId: number;
  incarnation: number;
  /** 0 on a sys (CLUSTER) job. */
  backupSetId: number;
  initiatorTenantId: number;
  /** Sys job: its own id; child job: the sys job id; self-launched: 0. */
  initiatorJobId: number;
  /** EXECUTOR_TENANT_ID, comma-joined by the view. */
  executorTenantIds: number[];
  plusArchivelog: boolean;
  backupType: BackupType;
  jobLevel: JobLevel;
  encryptionMode: EncryptionMode;
  passwd: string;
  startUs: number;
  /** 0 while running (END_TIMESTAMP NULL). */
  endUs: number;
  status: JobStatus;
  result: number;
  comment: string;
  description: string;
  /** Data dest root; '' for a sys job. */
  path: string;
  /** The data dest id the set is written to (0 for a sys job). */
  destId: number;
  /** The scheduler's next step for this job, or null. */
  nextAtUs: number | null;
  statusLog: StatusChange<JobStatus>[];
  /** Internal (faults): retry_count_ of the job, bumped by a retried error at INIT (ObIBackupJobMgr::is_can_retry). */
  retryCount?: number;
}

/**
 * The figures a set task accumulates from its LS tasks and its set file copies when the task finishes
 * (views.md §4.2 #13-#23, §4.3 #17-#27, §11): bytes, tablet, macroblock and file counts, turn ids.
 */
export interface BackupStats {
  inputBytes: number;
  outputBytes: number;
  extraMetaBytes: number;
  tabletCount: number;
  finishTabletCount: number;
  macroBlockCount: number;
  finishMacroBlockCount: number;
  fileCount: number;
  metaTurnId: number;
  dataTurnId: number;
}

/** A DBA_OB_BACKUP_TASKS / _TASK_HISTORY row (views.md §4.2), 1:1 with a user-tenant job. */
export interface BackupTask extends BackupStats {
  tenantId: number;
  taskId: number;
  jobId: number;
  incarnation: number;
  backupSetId: number;
  startUs: number;
  endUs: number;
  status: TaskStatus;
  startScn: bigint;
  endScn: bigint;
  userLsStartScn: bigint;
  encryptionMode: EncryptionMode;
  passwd: string;
  result: number;
  comment: string;
  path: string;
  minorTurnId: number;
  majorTurnId: number;
  /** Internal: the data plan (sizes and the phase timetable), fixed when the consistent SCN is taken. */
  plan: TaskPlan | null;
  /** Internal: SCNs the set file shows once the set finishes (0 until taken). */
  startReplayScn: bigint;
  consistentScn: bigint;
  /** Internal: whether the job asked for PLUS ARCHIVELOG (the BEFORE_BACKUP_LOG / BACKUP_LOG phases). */
  plusArchivelog: boolean;
  nextAtUs: number | null;
  statusLog: StatusChange<TaskStatus>[];
  /**
   * Internal (faults, ObBackupDataLSTaskMgr::finish_): the retry_id of the current phase's LS task, the set task's
   * retry_cnt_ (the sum of every next_retry_id granted), when its work stopped for a retry (null while it runs),
   * and the time of its last step (a THROUGHPUT cap slows the progress made since).
   */
  lsRetryId?: number;
  /**
   * Internal (faults): the current phase's LS task's last failed attempt, as ObBackupDataLSTaskMgr::finish_ left it
   * in __all_backup_ls_task (RESULT, the ObHAResultInfo COMMENT, END_TS); redo_ls_task resets RESULT but keeps the
   * COMMENT. Null or absent when the phase's LS task never failed.
   */
  lsFailure?: { result: number; comment: string; atUs: number } | null;
  retryCnt?: number;
  pausedAtUs?: number | null;
  lastStepUs?: number;
}

export interface TaskPlan {
  /** Macroblocks to copy (all for FULL; changed since the base set for INC). */
  macroBlocks: number;
  tablets: number;
  inputBytes: number;
  outputBytes: number;
  /** Duration of BACKUP_DATA_MINOR and BACKUP_DATA_MAJOR (µs). */
  minorUs: number;
  majorUs: number;
  /** Share of the macroblocks copied in the minor phase. */
  minorMacroBlocks: number;
  /** When the current data phase started (progress is linear within it). */
  phaseStartUs: number;
}

/** A DBA_OB_BACKUP_SET_FILES row (views.md §4.3). */
export interface BackupSetFile extends BackupStats {
  tenantId: number;
  backupSetId: number;
  destId: number;
  incarnation: number;
  backupType: BackupType;
  prevFullBackupSetId: number;
  prevIncBackupSetId: number;
  startUs: number;
  endUs: number;
  status: SetStatus;
  fileStatus: FileStatus;
  plusArchivelog: boolean;
  startReplayScn: bigint;
  minRestoreScn: bigint;
  /** The stored 9-fractional-digit string, in the server's zone (+08:00); '' until set (views.md §4.3 #16). */
  minRestoreScnDisplay: string;
  result: number;
  comment: string;
  encryptionMode: EncryptionMode;
  passwd: string;
  tenantCompatible: string;
  backupCompatible: number;
  path: string;
  clusterVersion: string;
  consistentScn: bigint;
  minorTurnId: number;
  majorTurnId: number;
  /** Internal: the virtual time (µs) of the data snapshot (the consistent SCN); INC copies changes after it. */
  snapshotUs: number;
}

/** DBA_OB_BACKUP_DELETE_POLICY. */
export interface DeletePolicy {
  policyName: string;
  recoveryWindow: string;
  redundancy: number;
  backupCopies: number;
}
