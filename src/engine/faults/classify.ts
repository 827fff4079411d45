/**
 * Which errors OceanBase 4.2 retries and which end a job, per code path, as the source decides. Pure tables of
 * error names (src/errors.ts); the schedulers ask them when an injected fault makes a step fail.
 */
import type { ObErrorName } from '../../errors.js';
import type { FaultTarget } from '../state.js';

/**
 * ObBackupUtils::is_need_retry_error (src/share/backup/ob_backup_struct.cpp): every error is retried except these.
 * Used by data backup LS tasks (ObBackupDataLSTaskMgr::finish_), backup jobs (ObIBackupJobMgr::is_can_retry) and
 * delete tasks (ObBackupCleanTaskMgr::is_can_retry_). Only the names the error table has are listed.
 */
const NOT_RETRIED: ReadonlySet<string> = new Set<string>([
  'OB_INVALID_ARGUMENT',
  'OB_ERR_UNEXPECTED',
  'OB_NOT_SUPPORTED',
  'OB_CANCELED',
  'OB_BACKUP_PERMISSION_DENIED',
  'OB_BACKUP_DEVICE_OUT_OF_SPACE',
  'OB_BACKUP_DEST_NOT_CONNECT',
  'OB_BACKUP_FILE_NOT_EXIST',
  'OB_LOG_ARCHIVE_INTERRUPTED',
  'OB_LOG_ARCHIVE_NOT_RUNNING',
  'OB_BACKUP_IN_PROGRESS',
  'OB_CHECKSUM_ERROR',
  'OB_VERSION_NOT_MATCH',
]);

export function isNeedRetryError(name: string): boolean {
  return !NOT_RETRIED.has(name);
}

/**
 * ObArchiveSender::is_retry_ret_code_ (src/logservice/archiveservice/ob_archive_sender.cpp): is_io_error(ret),
 * OB_ALLOCATE_MEMORY_FAILED, OB_BACKUP_DEVICE_OUT_OF_SPACE, OB_BACKUP_PWRITE_OFFSET_NOT_MATCH, OB_IO_LIMIT are
 * retried (the LS's archive just does not advance); any other send error goes to handle_archive_error_, which calls
 * mark_fatal_error and the round turns INTERRUPTED.
 */
const ARCHIVE_RETRIED: ReadonlySet<string> = new Set<string>(['OB_IO_ERROR', 'OB_BACKUP_DEVICE_OUT_OF_SPACE']);

export function isArchiveRetryCode(name: string): boolean {
  return ARCHIVE_RETRIED.has(name);
}

/** The storage errors every dest path can return (ob_errno.def), plus OB_ERR_UNEXPECTED (the docs' failed job, -4016). */
const DEST_ERRORS: readonly ObErrorName[] = [
  'OB_BACKUP_DEST_NOT_CONNECT',
  'OB_BACKUP_PERMISSION_DENIED',
  'OB_BACKUP_DEVICE_OUT_OF_SPACE',
  'OB_BACKUP_FILE_NOT_EXIST',
  'OB_IO_ERROR',
  'OB_ERR_UNEXPECTED',
];

/** The error names an ERROR fault of each target accepts: what that target's real code paths can return. */
export const FAULT_ERRORS: Readonly<Record<FaultTarget, readonly ObErrorName[]>> = {
  'BACKUP DEST': DEST_ERRORS,
  'ARCHIVE DEST': DEST_ERRORS,
  RESTORE: DEST_ERRORS,
  'BACKUP CLEAN': DEST_ERRORS,
  SERVER: [],
};

/** OB_BACKUP_MAX_RETRY_TIMES and OB_BACKUP_RETRY_TIME_INTERVAL (src/share/backup/ob_backup_struct.h): 64, 5 s. */
export const BACKUP_MAX_RETRY_TIMES = 64;
export const BACKUP_RETRY_INTERVAL_US = 5_000_000;
/** OB_MAX_RETRY_TIMES (src/share/ob_define.h): 3, the cap of meta LS tasks, backup jobs and delete jobs. */
export const MAX_RETRY_TIMES = 3;
