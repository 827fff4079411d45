/** The engine's state, vocabularies (views.md §8): see state.ts for the units and rules. */

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
/**
 * FILE_STATUS of sets and pieces (ObBackupFileStatus). Two of them have no producer in 4.2's normal paths
 * (oceanbase/oceanbase b5f92605ac4224fcfd0eea561dd09fed1c11c7c6), so nothing here writes them:
 * - BROKEN: only ObBackupSetTaskMgr::write_backup_set_info_ (rootserver/backup/ob_backup_data_set_task_mgr.cpp)
 *   picks it, for a job result other than OB_SUCCESS, but it runs only from write_extern_infos_ on the way to
 *   COMPLETED, where the result is OB_SUCCESS; a failed set is marked INCOMPLETE by set_backup_set_files_failed_.
 * - EXPIRED: named only in ObBackupFileStatus's transition checks (share/backup/ob_backup_struct.cpp); no code path
 *   sets it (the clean paths go AVAILABLE → DELETING → DELETED).
 */
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
