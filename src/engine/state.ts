/**
 * The engine's state: plain data (structuredClone-able, no classes, no functions) holding everything the views of
 * views.md read. Views are pure functions of (ClusterState, now); each field below names the view columns it feeds.
 *
 * Units: times are virtual MICROseconds since the Unix epoch (`…Us`, plain numbers, exact below 2^53); SCNs are
 * virtual NANOseconds since the epoch as bigint (views.md §10.5), 0n meaning "unset" (the *_DISPLAY is then NULL).
 * A field that a column shows verbatim keeps the column's vocabulary (views.md §8).
 */
import type { RngState } from './rng.js';

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies (views.md §8)
// ---------------------------------------------------------------------------------------------------------------

/** Job statuses (§8.1, first six). */
export type JobStatus = 'INIT' | 'DOING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED';
/** Set-task statuses (§8.1, §9.2). */
export type TaskStatus =
  | JobStatus
  | 'BACKUP_SYS_META'
  | 'BACKUP_USER_META'
  | 'BACKUP_META_FINISH'
  | 'BACKUP_DATA_SYS'
  | 'BACKUP_DATA_MINOR'
  | 'BACKUP_DATA_MAJOR'
  | 'BEFORE_BACKUP_LOG'
  | 'BACKUP_LOG';
export type BackupType = 'FULL' | 'INC';
export type JobLevel = 'CLUSTER' | 'SYS_TENANT' | 'USER_TENANT';
export type EncryptionMode = 'NONE' | 'PASSWORD' | 'PASSWORD_ENCRYPTION' | 'TRANSPARENT_ENCRYPTION' | 'DUAL_MODE_ENCRYPTION';
export type SetStatus = 'DOING' | 'SUCCESS' | 'FAILED';
export type FileStatus = 'AVAILABLE' | 'COPYING' | 'INCOMPLETE' | 'DELETING' | 'EXPIRED' | 'BROKEN' | 'DELETED';
export type RoundStatus = 'PREPARE' | 'BEGINNING' | 'DOING' | 'INTERRUPTED' | 'STOPPING' | 'STOP' | 'SUSPENDING' | 'SUSPEND';
export type PieceStatus = 'ACTIVE' | 'FROZEN';
export type DestType = 'backup_data' | 'archive_log';
export type TenantStatus = 'NORMAL' | 'CREATING' | 'DROPPING' | 'RESTORE';
export type LogMode = 'ARCHIVELOG' | 'NOARCHIVELOG';
export type CompatibilityMode = 'MYSQL' | 'ORACLE';

/** One status change, kept on jobs, tasks and rounds so tests and the invariant checker can see every edge. */
export interface StatusChange<S extends string> {
  readonly from: S | null;
  readonly to: S;
  readonly atUs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Cluster
// ---------------------------------------------------------------------------------------------------------------

export interface ClockState {
  /** SHOW EMULATOR STATUS: clock mode and speed (emulator.md). */
  mode: 'MANUAL' | 'REALTIME';
  /** Virtual seconds per real second in REALTIME mode. */
  speed: number;
  /** REALTIME: virtual = anchorVirtualUs + (clock.now() - anchorRealUs) * speed. */
  anchorRealUs: number;
  anchorVirtualUs: number;
}

export interface ClusterState {
  readonly formatVersion: 1;
  /** SHOW EMULATOR STATUS: cluster name ('' is the default cluster). */
  clusterName: string;
  /** SHOW EMULATOR STATUS: the seed everything is derived from. */
  seed: number;
  /** The seeded random stream (advanced in place). */
  rng: RngState;
  /** Virtual now, µs since the epoch. Views take it as their `now`. */
  nowUs: number;
  /** The last GTS handed out (ns); GTS is strictly increasing. */
  lastGtsScn: bigint;
  clock: ClockState;
  /** DBA_OB_TENANTS rows (sys, meta and user tenants), ordered by id. Dropped tenants are removed. */
  tenants: TenantState[];
  /** The next user tenant id (even); its meta tenant is id - 1 (views.md §10.1). */
  nextUserTenantId: number;
  /** Format files of every dest root written in this cluster: who owns a directory (statements.md §7.3). */
  formatFiles: FormatFile[];
  /** DBA_OB_ROOTSERVICE_EVENT_HISTORY rows, in order. */
  rootserviceEvents: RootserviceEvent[];
  /** Resource units and pools (CREATE / DROP RESOURCE UNIT / POOL): DBA_OB_UNIT_CONFIGS, DBA_OB_RESOURCE_POOLS. */
  resourceUnits: ResourceUnit[];
  resourcePools: ResourcePool[];
  /** UNIT_CONFIG_ID / RESOURCE_POOL_ID of the next unit or pool created (user objects count from 1001). */
  nextUnitConfigId: number;
  nextResourcePoolId: number;
  /** CDB_OB_RESTORE_PROGRESS rows (live restore jobs: a sys row with TENANT_ID 1 and a row of the new tenant). */
  restoreJobs: RestoreJob[];
  /** CDB_OB_RESTORE_HISTORY rows, append-only (STATUS `SUCCESS` / `FAIL`). */
  restoreHistory: RestoreJob[];
  /** JOB_ID of the next restore (one cluster-wide counter; the doc sample's first job is 1). */
  nextRestoreJobId: number;
  /** DBA_OB_CLUSTER_EVENT_HISTORY rows, in order (TIMESTAMP, MODULE, EVENT, NAME1..6 / VALUE1..6). */
  clusterEvents: RootserviceEvent[];
}

export interface NamedOptions {
  name: string;
  options: { name: string; value: string }[];
}

/** A DBA_OB_UNIT_CONFIGS row: the options as typed (max_cpu, memory_size, …), plus its stable id and times. */
export interface ResourceUnit extends NamedOptions {
  /** UNIT_CONFIG_ID (1001, 1002, … in creation order; never reused). */
  id: number;
  /** CREATE_TIME, MODIFY_TIME. */
  createUs: number;
  modifyUs: number;
}

/** A DBA_OB_RESOURCE_POOLS row: the options as typed (unit, unit_num, zone_list), its id, times and tenant. */
export interface ResourcePool extends NamedOptions {
  /** RESOURCE_POOL_ID (1001, 1002, … in creation order; never reused). */
  id: number;
  /** TENANT_ID: the tenant the pool is granted to (a restore's pool_list, CREATE TENANT's resource_pool_list), else null. */
  tenantId: number | null;
  /** CREATE_TIME, MODIFY_TIME. */
  createUs: number;
  modifyUs: number;
}

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

// ---------------------------------------------------------------------------------------------------------------
// Destinations
// ---------------------------------------------------------------------------------------------------------------

/** A parsed dest URI (statements.md §7). */
export interface ParsedDest {
  scheme: 'file' | 'oss' | 'cos' | 's3';
  /** The full string as given (DBA_OB_BACKUP_PARAMETER VALUE). */
  uri: string;
  /** Root path without `?…` and without a trailing '/' (STORAGE_INFO.PATH; the key of a directory). */
  root: string;
  /**
   * PATH columns of jobs, tasks, sets, rounds and pieces (views.md §12.1): the root for file://; for object
   * storage the root plus `?host=…`, credentials stripped.
   */
  path: string;
  /** `host=…` or '' for file:// (STORAGE_INFO.ENDPOINT). */
  endpoint: string;
  /** Access id + key, '' for NFS (STORAGE_INFO.AUTHORIZATION). */
  authorization: string;
  /** Other parameters, e.g. `delete_mode=delete` (STORAGE_INFO.EXTENSION). */
  extension: string;
}

export interface BackupDest extends ParsedDest {
  destId: number;
}

export interface ArchiveDest {
  /** DEST_NO: 0 for log_archive_dest, n for log_archive_dest_n. */
  destNo: number;
  /** The parameter value as typed (DBA_OB_BACKUP_PARAMETER). */
  value: string;
  /** DBA_OB_ARCHIVE_DEST rows: dest_id, path, binding, piece_switch_interval (as typed), state. */
  destId: number;
  location: ParsedDest;
  binding: 'OPTIONAL' | 'MANDATORY';
  pieceSwitchInterval: string;
  /** DBA_OB_ARCHIVELOG.PIECE_SWITCH_INTERVAL (µs). */
  pieceSwitchIntervalUs: number;
  lagTargetUs: number;
  compression: 'enable' | 'disable' | null;
}

/** log_archive_dest_state[_n]: kept apart from the dest, since it may be set before or without one. */
export interface ArchiveDestState {
  destNo: number;
  /** DBA_OB_ARCHIVE_DEST `state` row (ENABLE when never set). */
  state: 'ENABLE' | 'DEFER';
}

/** A DBA_OB_BACKUP_PARAMETER row: a backup parameter as last set (`data_backup_dest`, `log_archive_dest_1`, …). */
export interface BackupParameterRow {
  name: string;
  value: string;
}

/** A DBA_OB_BACKUP_STORAGE_INFO(_HISTORY) row. */
export interface StorageInfo {
  tenantId: number;
  path: string;
  endpoint: string;
  destId: number;
  destType: DestType;
  authorization: string;
  extension: string;
  /** CHECK_FILE_NAME, e.g. `1002_connect_file_20240131T112059.obbak`. */
  checkFileName: string;
  /** LAST_CHECK_TIMESTAMP. */
  lastCheckUs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Log archive
// ---------------------------------------------------------------------------------------------------------------

/** A DBA_OB_ARCHIVELOG row (and, copied at STOP, an ARCHIVELOG_SUMMARY history row). */
export interface ArchiveRound {
  tenantId: number;
  destId: number;
  roundId: number;
  incarnation: number;
  destNo: number;
  status: RoundStatus;
  startScn: bigint;
  checkpointScn: bigint;
  /** Max LS checkpoint (pieces' MAX_SCN; USED_PIECE_ID = piece_id(maxScn)). */
  maxScn: bigint;
  compatible: number;
  basePieceId: number;
  usedPieceId: number;
  /** µs. */
  pieceSwitchIntervalUs: number;
  unitSize: number;
  compression: string;
  /** INPUT_BYTES = frozen + active; OUTPUT_BYTES likewise. */
  frozenInputBytes: number;
  frozenOutputBytes: number;
  activeInputBytes: number;
  activeOutputBytes: number;
  deletedInputBytes: number;
  deletedOutputBytes: number;
  comment: string;
  /** Archive dest root. */
  path: string;
  /** Lag target of the dest when the round began (µs). */
  lagTargetUs: number;
  /** When the round entered BEGINNING (µs); the checkpoint model starts there. 0 before. */
  beginUs: number;
  /** The scheduler's next step for this round, or null (DOING advances continuously, without events). */
  nextAtUs: number | null;
  statusLog: StatusChange<RoundStatus>[];
}

/** A DBA_OB_ARCHIVELOG_PIECE_FILES row. */
export interface ArchivePiece {
  tenantId: number;
  destId: number;
  roundId: number;
  pieceId: number;
  incarnation: number;
  destNo: number;
  status: PieceStatus;
  startScn: bigint;
  checkpointScn: bigint;
  maxScn: bigint;
  endScn: bigint;
  compatible: number;
  unitSize: number;
  compression: string;
  inputBytes: number;
  outputBytes: number;
  fileStatus: FileStatus;
  path: string;
}

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
}

/** A DBA_OB_BACKUP_TASKS / _TASK_HISTORY row (views.md §4.2), 1:1 with a user-tenant job. */
export interface BackupTask {
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
export interface BackupSetFile {
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
  /** The stored 9-fractional-digit string (UTC); '' until set (views.md §4.3 #16). */
  minRestoreScnDisplay: string;
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

// ---------------------------------------------------------------------------------------------------------------
// Synthetic data: macroblocks, change log, log generation
// ---------------------------------------------------------------------------------------------------------------

/**
 * The tenant's data. Macroblocks are numbered 0..macroBlockCount-1; macroblock i belongs to tablet
 * floor(i * tabletCount / macroBlockCount). A write marks a macroblock changed at a time: the change log is
 * append-only and ordered by time, kept in typed arrays (no per-macroblock objects), so "what changed after t"
 * costs O(changes) and "the version of every macroblock at t" is reconstructible (see macroblocks.ts).
 */
export interface TenantData {
  macroBlockCount: number;
  tabletCount: number;
  /** Output/input ratio of the copied macroblocks in a backup set, for this tenant (seeded; meta is extra). */
  compressionRatio: number;
  /** Steady write rate (bytes per virtual second), ALTER EMULATOR SET WRITE RATE. */
  writeRateBytesPerSec: number;
  /** Workload generated up to this time (µs). */
  writtenUntilUs: number;
  /** Fractional macroblocks owed by the steady workload (carried between steps). */
  writeCarry: number;
  changes: ChangeLog;
  /** Cumulative log bytes generated, as a piecewise-linear function of time (archive INPUT_BYTES). */
  logSegments: LogSegment[];
}

export interface ChangeLog {
  /** Number of valid entries. */
  length: number;
  /** Change times (µs), non-decreasing; capacity >= length. */
  timesUs: Float64Array;
  /** Macroblock index per entry. */
  blocks: Uint32Array;
}

export interface LogSegment {
  fromUs: number;
  /** Cumulative log bytes at fromUs. */
  bytesAtFrom: number;
  /** Log bytes per second from fromUs on. */
  rateBytesPerSec: number;
}
