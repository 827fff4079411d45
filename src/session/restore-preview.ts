/**
 * SHOW RESTORE PREVIEW: the backup sets and archive pieces the session's last `ALTER SYSTEM RESTORE … PREVIEW`
 * would restore from, as OceanBase lists them (BACKUP_TYPE, BACKUP_ID, PREVIEW_PATH, BACKUP_DESC).
 */
import { restorePreviewRows } from '../engine/index.js';
import { isObError } from '../errors.js';
import type { ColumnDef } from '../result.js';
import type { StatementResult } from './port.js';
import type { StatementSession } from './statement-session.js';

export const RESTORE_PREVIEW_COLUMNS: readonly ColumnDef[] = [
  { name: 'BACKUP_TYPE', type: { base: 'varchar', length: 20 }, nullable: false },
  { name: 'BACKUP_ID', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false },
  { name: 'PREVIEW_PATH', type: { base: 'varchar', length: 4096 }, nullable: false },
  { name: 'BACKUP_DESC', type: { base: 'varchar', length: 4096 }, nullable: false },
];

export function showRestorePreview(session: StatementSession): StatementResult {
  const rows = restorePreviewRows(session.entry.cluster, session.login.tenantId, session.variables.engineView);
  if (isObError(rows)) return rows;
  return {
    kind: 'rows',
    resultSet: { columns: RESTORE_PREVIEW_COLUMNS, rows: rows.map((r) => [r.backupType, BigInt(r.backupId), r.previewPath, r.backupDesc]) },
  };
}
