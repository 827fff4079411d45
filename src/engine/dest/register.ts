/**
 * Registering a dest (statements.md §7.3-§7.4): the format file that makes a directory belong to one tenant and
 * one purpose, the per-tenant dest id, and the storage-info rows with their connectivity check file.
 */
import { obError } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { ClusterState, DestType, ParsedDest, TenantBackup, TenantState } from '../state.js';
import { activeError } from '../faults/faults.js';
import { backupOf } from '../tenant/tenants.js';
import { compactTimestamp } from '../cluster/time.js';

/**
 * check_dest_validity for a SET: a directory whose format file names another tenant or purpose gives 9081.
 * Returns the dest id the dest would get (existing or next), without changing anything.
 */
export function checkDestValidity(state: ClusterState, tenant: TenantState, dest: ParsedDest, destType: DestType): number | ObError {
  // check_dest_connectivity writes the check file before the format file is read: a broken dest fails here with
  // its storage error (ObBackupDestMgr::check_dest_validity, ob_backup_data_store.cpp / ob_backup_connectivity.cpp).
  const fault = activeError(state, tenant.id, destType === 'archive_log' ? 'ARCHIVE DEST' : 'BACKUP DEST');
  if (fault !== null) return obError(fault.name);
  const format = state.formatFiles.find((f) => f.root === dest.root);
  if (format !== undefined) {
    if (format.tenantId !== tenant.id || format.destType !== destType) return obError('OB_BACKUP_FORMAT_FILE_NOT_MATCH');
    return format.destId;
  }
  return backupOf(tenant).counters.destId;
}

/**
 * Writes the format file if absent, takes the dest id, and records the storage-info rows. A directory that has no
 * format file but was registered before (emptied behind the cluster's back) gets a new dest id, and the set or
 * piece rows of its old dest id are marked DELETED first (ObBackupDestMgr::write_format_file →
 * updata_backup_file_status_, statements.md §7.4): their files are gone.
 */
export function registerDest(state: ClusterState, tenant: TenantState, dest: ParsedDest, destType: DestType): number {
  const backup = backupOf(tenant);
  let format = state.formatFiles.find((f) => f.root === dest.root);
  if (format === undefined) {
    markOldDestDeleted(backup, dest.root, destType);
    format = { root: dest.root, tenantId: tenant.id, destType, destId: backup.counters.destId++ };
    state.formatFiles.push(format);
  }
  const row = {
    tenantId: tenant.id,
    path: dest.root,
    endpoint: dest.endpoint,
    destId: format.destId,
    destType,
    authorization: dest.authorization,
    extension: dest.extension,
    checkFileName: `${tenant.id}_connect_file_${compactTimestamp(state.nowUs)}.obbak`,
    lastCheckUs: state.nowUs,
  };
  backup.storageInfo = backup.storageInfo.filter((r) => r.destId !== format.destId && r.path !== dest.root);
  backup.storageInfo.push(row);
  backup.storageInfo.sort((a, b) => a.destId - b.destId);
  backup.storageInfoHistory.push({ ...row });
  return format.destId;
}

/** updata_backup_file_status_: the old dest id of this path (from storage info) has its sets or pieces DELETED. */
function markOldDestDeleted(backup: TenantBackup, root: string, destType: DestType): void {
  const old = backup.storageInfo.find((r) => r.path === root);
  if (old === undefined) return;
  if (destType === 'backup_data') {
    for (const set of backup.setFiles) if (set.destId === old.destId) set.fileStatus = 'DELETED';
  } else {
    for (const piece of backup.pieces) if (piece.destId === old.destId) piece.fileStatus = 'DELETED';
  }
}

/** Upserts a DBA_OB_BACKUP_PARAMETER row (only data_backup_dest has one, see alter-system-set.ts). */
export function setParameterRow(tenant: TenantState, name: string, value: string): void {
  const backup = backupOf(tenant);
  backup.parameterRows = backup.parameterRows.filter((r) => r.name !== name);
  backup.parameterRows.push({ name, value });
  backup.parameterRows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
