/**
 * The end of every model run (issue 19): clear every fault and recover as a DBA would, whatever state the run left,
 * then a new FULL backup of each user tenant must complete. Steps that may legitimately be refused in some states
 * (archive already off, dest state already ENABLE) are sent without asserting them; the backup's outcome is.
 */
import { TENANT_ID, USER_TENANTS } from './model.js';
import type { System } from './system.js';

export async function recoverAndBackUp(s: System): Promise<void> {
  const must = async (conn: Parameters<System['exec']>[0], sql: string): Promise<void> => {
    const out = await s.exec(conn, sql);
    if (out.kind === 'error') throw new Error(`recovery: ${conn}> ${sql} failed: ${out.errno} ${out.message}`);
  };
  await must('sys', 'ALTER EMULATOR CLEAR FAULTS');
  // Let every running job and archive change finish.
  await must('sys', 'ALTER EMULATOR ADVANCE TIME 3600 SECONDS');
  for (const t of USER_TENANTS) {
    await s.exec(t, "ALTER SYSTEM SET LOG_ARCHIVE_DEST_STATE = 'ENABLE'");
    await s.exec(t, 'ALTER SYSTEM NOARCHIVELOG');
  }
  await must('sys', 'ALTER EMULATOR ADVANCE TIME 60 SECONDS');
  for (const t of USER_TENANTS) {
    await must(t, `ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///backup/${t}/recovery-archive'`);
    await must(t, 'ALTER SYSTEM ARCHIVELOG');
  }
  await must('sys', 'ALTER EMULATOR ADVANCE TIME 10 SECONDS');
  for (const t of USER_TENANTS) {
    await must(t, `ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///backup/${t}/recovery-data'`);
    await must(t, 'ALTER SYSTEM BACKUP DATABASE');
  }
  await must('sys', 'ALTER EMULATOR ADVANCE TIME 3600 SECONDS');
  for (const t of USER_TENANTS) {
    const rows = await s.rows(
      `SELECT BACKUP_TYPE, STATUS, RESULT FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = ${TENANT_ID[t]} ORDER BY JOB_ID DESC LIMIT 1`,
    );
    const last = (rows[0] ?? []).join(' ');
    if (last !== 'FULL COMPLETED 0') throw new Error(`recovery: the new FULL backup of ${t} ended '${last}', not 'FULL COMPLETED 0'`);
  }
  s.invariants();
}
