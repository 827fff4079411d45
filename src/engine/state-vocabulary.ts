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
