/**
 * The rows both servers hold. The emulator gets its job history the only way a user can: backups run with the
 * manual clock (BACKUP DATABASE, every fourth one FULL and the rest INCREMENTAL, then ADVANCE TIME 10 MINUTES), in
 * a cluster of its own. MariaDB then gets the very same rows, read back from the emulator's view, in a real InnoDB
 * table named like the view (database `oceanbase` for the 1,000-row history, `small` for the 10-row one), so the
 * same SQL text runs on both.
 */
import type mysql from 'mysql2';
import { connect, end, run, type ConnectOptions } from './server-procs.js';

export const TENANT = 't';
export const HISTORY_CLUSTER = 'hist';
export const SMALL_CLUSTER = 'small';
export const VIEW = 'DBA_OB_BACKUP_JOB_HISTORY';

/** The emulator's login for a cluster of the bench (tenant `t`, database `oceanbase`). */
export function emulatorLogin(host: string, port: number, cluster: string): ConnectOptions {
  return { host, port, user: `root@${TENANT}#${cluster}`, database: 'oceanbase' };
}

/** Runs `jobs` backups in the cluster of `login`; returns how many rows its job history then holds. */
export async function makeHistory(login: ConnectOptions, jobs: number): Promise<number> {
  const c = await connect({ ...login, multipleStatements: true });
  await run(c, "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
  await run(c, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'");
  await run(c, 'ALTER SYSTEM ARCHIVELOG');
  await run(c, 'ALTER EMULATOR ADVANCE TIME 10 SECONDS');
  for (let i = 0; i < jobs; i++) {
    const backup = i % 4 === 0 ? 'ALTER SYSTEM BACKUP DATABASE' : 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE';
    await run(c, `${backup}; ALTER EMULATOR ADVANCE TIME 10 MINUTES`);
  }
  const rows = (await run(c, `SELECT COUNT(*) AS n FROM ${VIEW}`)) as { n: number }[];
  await end(c);
  return Number(rows[0]?.n ?? 0);
}

/** The view's rows as text, exactly as the emulator sends them. */
export async function readHistory(login: ConnectOptions): Promise<{ columns: string[]; rows: unknown[][] }> {
  const c = await connect({ ...login, rowsAsArray: true, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  const [rows, fields] = await new Promise<[unknown[][], mysql.FieldPacket[]]>((ok, fail) =>
    c.query(`SELECT * FROM ${VIEW} ORDER BY JOB_ID`, (err, r, f) => (err ? fail(err) : ok([r as unknown[][], f]))),
  );
  await end(c);
  return { columns: fields.map((f) => f.name), rows };
}

/**
 * The DBA_OB_BACKUP_JOB_HISTORY columns as a MariaDB table. OceanBase's inner table keys the history by job id,
 * so the copy does too; long texts are narrower than the view's VARCHAR(4096) to fit InnoDB's row size limit.
 */
const TABLE_COLUMNS = `
  JOB_ID BIGINT NOT NULL PRIMARY KEY,
  INCARNATION BIGINT NOT NULL,
  BACKUP_SET_ID BIGINT NULL,
  INITIATOR_TENANT_ID BIGINT NOT NULL,
  INITIATOR_JOB_ID BIGINT NOT NULL,
  EXECUTOR_TENANT_ID VARCHAR(1024) NOT NULL,
  PLUS_ARCHIVELOG VARCHAR(64) NOT NULL,
  BACKUP_TYPE VARCHAR(64) NOT NULL,
  JOB_LEVEL VARCHAR(64) NOT NULL,
  ENCRYPTION_MODE VARCHAR(64) NULL,
  PASSWD VARCHAR(256) NULL,
  START_TIMESTAMP TIMESTAMP(6) NULL DEFAULT NULL,
  END_TIMESTAMP TIMESTAMP(6) NULL DEFAULT NULL,
  STATUS VARCHAR(64) NOT NULL,
  RESULT BIGINT NOT NULL,
  COMMENT VARCHAR(2048) NULL,
  DESCRIPTION VARCHAR(2048) NULL,
  PATH VARCHAR(2048) NULL`;

/** Creates `database`.DBA_OB_BACKUP_JOB_HISTORY on MariaDB holding `rows` (in the view's column order). */
export async function loadMariaDb(login: ConnectOptions, database: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const c = await connect(login);
  await run(c, `CREATE DATABASE IF NOT EXISTS ${database}`);
  await run(c, `DROP TABLE IF EXISTS ${database}.${VIEW}`);
  await run(c, `CREATE TABLE ${database}.${VIEW} (${TABLE_COLUMNS}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`);
  const list = columns.map((n) => `\`${n}\``).join(', ');
  for (let i = 0; i < rows.length; i += 200) {
    await new Promise<void>((ok, fail) =>
      c.query(`INSERT INTO ${database}.${VIEW} (${list}) VALUES ?`, [rows.slice(i, i + 200)], (err) => (err ? fail(err) : ok())),
    );
  }
  await run(c, `ANALYZE TABLE ${database}.${VIEW}`);
  await end(c);
}

/** Logs in to `count` fresh clusters (`root@t#c0` …), each created on first use with the server's tenants. */
export async function makeClusters(host: string, port: number, count: number, parallel = 8): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const c = await connect({ host, port, user: `root@${TENANT}#c${i}` });
      await run(c, 'SELECT 1');
      await end(c);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
