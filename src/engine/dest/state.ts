/** The engine's state, destinations: see state.ts for the units and rules. */
import type { DestType } from '../state-vocabulary.js';

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
