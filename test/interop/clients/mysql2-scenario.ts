/**
 * The interop scenario (issue 5 "Must show") through mysql2, with `.query()` (text protocol, `?` interpolated
 * client-side) or `.execute()` (every statement a server-side prepare, binary rows). Returns the canonical text of
 * test/interop/expected/scenario.txt.
 */
import mysql from 'mysql2/promise';

type Row = readonly unknown[];

/** MYSQL_TYPE_TIMESTAMP and MYSQL_TYPE_DATETIME. */
const TIME_TYPES = new Set([7, 12]);

export async function mysql2Scenario(port: number, cluster: string, protocol: 'query' | 'execute'): Promise<string> {
  const conn = await mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: `root@mysql_tenant#${cluster}`,
    password: '',
    // SCNs exceed 2^53 and TIMESTAMP(6) carries microseconds: keep both exact rather than as Number and Date.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  const lines: string[] = [];
  const out = (...fields: unknown[]): void => void lines.push(fields.map(render).join('\t'));
  const rows = async (sql: string, params: readonly unknown[] = []): Promise<Row[]> => {
    const options = { sql, rowsAsArray: true };
    const [result, fields] = protocol === 'query' ? await conn.query(options, params) : await conn.execute(options, params);
    if (!Array.isArray(result)) return [];
    const types = (fields ?? []).map((f) => f.columnType ?? 0);
    return (result as Row[]).map((row) => row.map((v, i) => (TIME_TYPES.has(types[i] ?? 0) ? timestamp(v) : v)));
  };
  const expectError = async (sql: string): Promise<void> => {
    try {
      await rows(sql);
    } catch (err) {
      const e = err as { errno?: number; sqlState?: string; sqlMessage?: string };
      out('error', e.errno, e.sqlState, e.sqlMessage);
      return;
    }
    throw new Error(`expected an error from ${sql}`);
  };
  const advanceUntil = async (sql: string, done: (result: Row[]) => boolean): Promise<number> => {
    for (let advances = 1; advances <= 60; advances++) {
      await rows('ALTER EMULATOR ADVANCE TIME 10 SECONDS');
      if (done(await rows(sql))) return advances;
    }
    throw new Error(`no progress: ${sql}`);
  };
  const backupJobId = async (): Promise<unknown> => (await rows('SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS'))[0]?.[0];
  try {
    await rows("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
    await rows("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'");
    await rows('ALTER SYSTEM ARCHIVELOG');
    const doing = await advanceUntil('SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG', (r) => r.length === 1 && r[0]?.[0] === 'DOING');
    out('archivelog', 'DOING', doing);

    await rows('ALTER SYSTEM BACKUP DATABASE');
    const full = await backupJobId();
    out('full', full, await advanceUntil('SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS', (r) => r.length === 0));

    await rows('ALTER EMULATOR WRITE 100 MACROBLOCKS');
    await rows('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
    const inc = await backupJobId();
    await expectError('ALTER SYSTEM BACKUP DATABASE');
    out('inc', inc, await advanceUntil('SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS', (r) => r.length === 0));

    for (const job of [full, inc]) {
      const history = await rows(
        'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp' +
          ' FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?',
        [job],
      );
      for (const row of history) out('history', ...row);
    }
    const sets = await rows(
      'SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,' +
        ' min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= ? ORDER BY backup_set_id',
      [1],
    );
    for (const row of sets) out('set', ...row);

    await expectError('ALTER SYSTEM BACKUP TENANT = mysql_tenant');
  } finally {
    await conn.end();
  }
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * A TIMESTAMP(6) as `YYYY-MM-DD HH:MM:SS.ffffff`. With dateStrings, mysql2 prints the binary protocol's value as it
 * arrived: the 7-byte form MySQL servers send when the microseconds are 0 comes out without a fraction.
 */
function timestamp(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.(\d{1,6}))?$/.exec(value);
  if (m === null) throw new Error(`not a timestamp: ${value}`);
  return `${m[1] ?? ''}.${(m[2] ?? '').padEnd(6, '0')}`;
}

/** Integers as digits (numbers, or strings past 2^53), timestamps as the server's text, NULL as `NULL`. */
function render(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
