/**
 * One finished full backup in a cluster, through mysql2, for the tests that browse its history afterwards
 * (SQLAlchemy's select through a reflected table, Adminer's data page). Returns the job id and its rows as the
 * server prints them.
 */
import mysql from 'mysql2/promise';

export interface FinishedBackup {
  readonly jobId: string;
  /** DBA_OB_BACKUP_JOB_HISTORY as text rows: JOB_ID, BACKUP_SET_ID, BACKUP_TYPE, STATUS. */
  readonly history: readonly (readonly string[])[];
}

export async function runFullBackup(port: number, cluster: string, password = ''): Promise<FinishedBackup> {
  const conn = await mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: `root@mysql_tenant#${cluster}`,
    password,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  const rows = async (sql: string): Promise<string[][]> => {
    const [result] = await conn.query({ sql, rowsAsArray: true });
    return Array.isArray(result) ? (result as unknown[][]).map((r) => r.map(String)) : [];
  };
  const advanceUntil = async (sql: string, done: (r: string[][]) => boolean): Promise<void> => {
    for (let i = 0; i < 60; i++) {
      await rows('ALTER EMULATOR ADVANCE TIME 10 SECONDS');
      if (done(await rows(sql))) return;
    }
    throw new Error(`no progress: ${sql}`);
  };
  try {
    await rows("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
    await rows("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'");
    await rows('ALTER SYSTEM ARCHIVELOG');
    await advanceUntil('SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG', (r) => r[0]?.[0] === 'DOING');
    await rows('ALTER SYSTEM BACKUP DATABASE');
    const jobId = (await rows('SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS'))[0]?.[0];
    if (jobId === undefined) throw new Error('BACKUP DATABASE started no job');
    await advanceUntil('SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS', (r) => r.length === 0);
    const history = await rows('SELECT JOB_ID, BACKUP_SET_ID, BACKUP_TYPE, STATUS FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY ORDER BY JOB_ID');
    return { jobId, history };
  } finally {
    await conn.end();
  }
}
