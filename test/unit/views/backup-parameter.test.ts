/**
 * DBA_OB_BACKUP_PARAMETER holds data_backup_dest only (ob_backup_config.cpp: ObDataBackupDestConfigParser is the one
 * parser that writes __all_backup_parameter, through ObBackupHelper::set_backup_dest; the log_archive_dest[_n] and
 * log_archive_dest_state[_n] parsers write __all_log_archive_dest_parameter through ObArchivePersistHelper).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/index.js';
import { isObError } from '../../../src/errors.js';

function rows(s: ReturnType<ReturnType<typeof createEmulator>['session']>, q: string): unknown[][] {
  const rs = s.rows(q);
  if (isObError(rs)) throw new Error(rs.message);
  return rs.rows.map((r) => [...r]);
}

describe('DBA_OB_BACKUP_PARAMETER: only data_backup_dest (ob_backup_config.cpp)', () => {
  it('log_archive_dest and log_archive_dest_state go to DBA_OB_ARCHIVE_DEST, never to the backup parameter table', () => {
    const emulator = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 });
    const t1 = emulator.session({ tenant: 'mysql_tenant', database: 'oceanbase' });
    for (const q of [
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///b/archive BINDING=OPTIONAL'",
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST_STATE = 'DEFER'",
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST_2 = 'LOCATION=file:///b/archive2'",
    ]) expect(isObError(t1.execute(q))).toBe(false);
    expect(rows(t1, 'SELECT NAME, VALUE FROM oceanbase.DBA_OB_BACKUP_PARAMETER')).toEqual([]);
    expect(rows(t1, "SELECT DEST_NO, VALUE FROM oceanbase.DBA_OB_ARCHIVE_DEST WHERE NAME = 'path' ORDER BY DEST_NO")).toEqual([
      [0n, 'file:///b/archive'],
      [2n, 'file:///b/archive2'],
    ]);
    expect(isObError(t1.execute("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///b/data'"))).toBe(false);
    expect(rows(t1, 'SELECT NAME, VALUE FROM oceanbase.DBA_OB_BACKUP_PARAMETER')).toEqual([['data_backup_dest', 'file:///b/data']]);
    const sys = emulator.session({ tenant: 'sys', database: 'oceanbase' });
    expect(rows(sys, 'SELECT TENANT_ID, NAME FROM oceanbase.CDB_OB_BACKUP_PARAMETER')).toEqual([[1002n, 'data_backup_dest']]);
  });
});
