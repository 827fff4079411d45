/**
 * What each load connection does, over and over until told to stop: run backups, cancel them, toggle archiving,
 * drive the clock, poll the views, execute prepared statements, reconnect. Every scenario names the OceanBase errors
 * its statements may legitimately meet (a backup while one runs: 9036; before the archive is DOING: 9040; archive
 * mode already as asked: 9091 / 9092) and checks what it can of each answer; anything else is an unexpected error.
 */
import mysql from 'mysql2/promise';
import { assertRows, checkJobRows, checkSetRows, ROUND_STATES, PIECE_STATES } from './view-checks.js';

export interface LoadContext {
  readonly port: number;
  /** Cluster name of this connection (every cluster has its own engine and clock). */
  readonly cluster: string;
  readonly manualClock: boolean;
  /** Deterministic per-connection choices. */
  readonly rand: (n: number) => number;
  readonly stopped: () => boolean;
  readonly stats: LoadStats;
  /** Connection ids opened by this scenario, for the log check at the end. */
  readonly opened: number[];
}

export class LoadStats {
  statements = 0;
  expectedErrors = 0;
  readonly unexpected: string[] = [];
  /** BACKUP statements accepted per cluster and initiator ('user' / 'sys'): each must leave exactly one job. */
  readonly accepted = new Map<string, number>();

  accept(cluster: string, who: 'user' | 'sys'): void {
    const key = `${cluster}/${who}`;
    this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
  }
}

export type Scenario = (ctx: LoadContext) => Promise<void>;

const BACKUP_ERRORS = [9036, 9040];
const ARCHIVE_ERRORS = [9091, 9092];

export async function connect(ctx: LoadContext, tenant: 'mysql_tenant' | 'sys'): Promise<mysql.Connection> {
  const c = await mysql.createConnection({
    host: '127.0.0.1',
    port: ctx.port,
    user: `root@${tenant}#${ctx.cluster}`,
    password: 'load',
    database: 'oceanbase',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  ctx.opened.push(c.threadId);
  return c;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs a statement; an error in `expected` is counted, any other is recorded. Returns the rows, or null on error. */
async function run(c: mysql.Connection, ctx: LoadContext, sql: string, expected: readonly number[] = [], values?: (string | number)[]): Promise<unknown[][] | null> {
  ctx.stats.statements++;
  try {
    const [rows] = values === undefined ? await c.query({ sql, rowsAsArray: true }) : await c.execute({ sql, rowsAsArray: true }, values);
    return Array.isArray(rows) ? (rows as unknown[][]) : [];
  } catch (err) {
    const errno = (err as { errno?: number }).errno;
    if (errno !== undefined && expected.includes(errno)) ctx.stats.expectedErrors++;
    else ctx.stats.unexpected.push(`${ctx.cluster}: ${sql}: ${(err as Error).message}`);
    return null;
  }
}

async function loop(ctx: LoadContext, tenant: 'mysql_tenant' | 'sys', step: (c: mysql.Connection) => Promise<void>): Promise<void> {
  const c = await connect(ctx, tenant);
  try {
    while (!ctx.stopped()) {
      await step(c);
      await pause(2 + ctx.rand(20));
    }
  } finally {
    await c.end();
  }
}

const BACKUPS = ['ALTER SYSTEM BACKUP DATABASE', 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE', 'ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG', 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE PLUS ARCHIVELOG'];

export const userBackups: Scenario = (ctx) =>
  loop(ctx, 'mysql_tenant', async (c) => {
    const sql = BACKUPS[ctx.rand(BACKUPS.length)] as string;
    if ((await run(c, ctx, sql, BACKUP_ERRORS)) !== null) ctx.stats.accept(ctx.cluster, 'user');
  });

export const sysBackups: Scenario = (ctx) =>
  loop(ctx, 'sys', async (c) => {
    const sql = ctx.rand(2) === 0 ? 'ALTER SYSTEM BACKUP DATABASE' : 'ALTER SYSTEM BACKUP TENANT = mysql_tenant';
    if ((await run(c, ctx, sql, BACKUP_ERRORS)) !== null) ctx.stats.accept(ctx.cluster, 'sys');
    if (ctx.rand(8) === 0) await run(c, ctx, 'ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant');
  });

export const cancels: Scenario = (ctx) =>
  loop(ctx, 'mysql_tenant', async (c) => {
    await pause(ctx.rand(200));
    await run(c, ctx, 'ALTER SYSTEM CANCEL BACKUP');
  });

/** Archive off now and then, and back on: running backups fail, new ones wait for DOING. */
export const archiveToggles: Scenario = (ctx) =>
  loop(ctx, 'mysql_tenant', async (c) => {
    await pause(100 + ctx.rand(400));
    await run(c, ctx, 'ALTER SYSTEM NOARCHIVELOG', ARCHIVE_ERRORS);
    await pause(20 + ctx.rand(100));
    await run(c, ctx, 'ALTER SYSTEM ARCHIVELOG', ARCHIVE_ERRORS);
  });

/** Manual clusters: time moves in steps of a few seconds; data changes so incrementals copy something. */
export const clock: Scenario = (ctx) =>
  loop(ctx, 'mysql_tenant', async (c) => {
    if (ctx.manualClock) await run(c, ctx, `ALTER EMULATOR ADVANCE TIME ${1 + ctx.rand(15)} SECONDS`);
    if (ctx.rand(4) === 0) await run(c, ctx, `ALTER EMULATOR WRITE ${1 + ctx.rand(20)} MACROBLOCKS`);
  });

const POLLS: readonly [string, (rows: unknown[][]) => void][] = [
  ['SELECT JOB_ID, STATUS, RESULT FROM DBA_OB_BACKUP_JOBS', (rows) => checkJobRows(rows, false)],
  ['SELECT JOB_ID, STATUS, RESULT FROM DBA_OB_BACKUP_JOB_HISTORY', (rows) => checkJobRows(rows, true)],
  ['SELECT STATUS FROM DBA_OB_ARCHIVELOG', (rows) => assertRows(rows, (r) => ROUND_STATES.has(String(r[0])), 'archive round state')],
  ['SELECT BACKUP_SET_ID, STATUS, FILE_STATUS FROM DBA_OB_BACKUP_SET_FILES', (rows) => checkSetRows(rows)],
  ['SELECT PIECE_ID, STATUS FROM DBA_OB_ARCHIVELOG_PIECE_FILES', (rows) => assertRows(rows, (r) => PIECE_STATES.has(String(r[1])), 'piece status')],
  ['SELECT * FROM DBA_OB_BACKUP_TASKS', () => undefined],
  ['SHOW EMULATOR STATUS', (rows) => assertRows(rows, () => true, 'status row', 1)],
];

export const viewPolls: Scenario = (ctx) =>
  loop(ctx, 'mysql_tenant', async (c) => {
    const [sql, check] = POLLS[ctx.rand(POLLS.length)] as (typeof POLLS)[number];
    const rows = await run(c, ctx, sql);
    if (rows !== null) recordCheck(ctx, sql, () => check(rows));
  });

export const sysViewPolls: Scenario = (ctx) =>
  loop(ctx, 'sys', async (c) => {
    const rows = await run(c, ctx, 'SELECT TENANT_ID, JOB_ID, STATUS FROM CDB_OB_BACKUP_JOB_HISTORY');
    if (rows !== null) recordCheck(ctx, 'CDB_OB_BACKUP_JOB_HISTORY', () => checkJobRows(rows.map((r) => [`${String(r[0])}/${String(r[1])}`, r[2], '0']), true, false));
    await run(c, ctx, 'SELECT TENANT_ID, STATUS FROM CDB_OB_ARCHIVELOG');
  });

/** mysql2 .execute(): COM_STMT_PREPARE once per text, then binary executions; now and then the statement is closed. */
export const prepared: Scenario = (ctx) =>
  loop(ctx, 'mysql_tenant', async (c) => {
    const n = ctx.rand(1000);
    const sum = await run(c, ctx, 'SELECT ? + 1', [], [n]);
    if (sum !== null) recordCheck(ctx, 'SELECT ? + 1', () => assertRows(sum, (r) => String(r[0]) === String(n + 1), `${n} + 1`, 1));
    const from = 1 + ctx.rand(20);
    const jobs = await run(c, ctx, 'SELECT JOB_ID, STATUS FROM DBA_OB_BACKUP_JOB_HISTORY WHERE JOB_ID >= ?', [], [from]);
    if (jobs !== null) recordCheck(ctx, 'JOB_ID >= ?', () => assertRows(jobs, (r) => Number(r[0]) >= from, `JOB_ID >= ${from}`));
    const sets = await run(c, ctx, 'SELECT STATUS FROM DBA_OB_BACKUP_SET_FILES WHERE BACKUP_SET_ID = ?', [], [from]);
    if (sets !== null && sets.length > 1) ctx.stats.unexpected.push(`${ctx.cluster}: ${sets.length} sets with id ${from}`);
    if (ctx.rand(10) === 0) c.unprepare('SELECT ? + 1');
  });

/** Short-lived connections: log in, read, quit. */
export const reconnects: Scenario = async (ctx) => {
  while (!ctx.stopped()) {
    const c = await connect(ctx, ctx.rand(2) === 0 ? 'sys' : 'mysql_tenant');
    await run(c, ctx, 'SELECT count(*) FROM DBA_OB_BACKUP_JOB_HISTORY');
    await c.end();
    await pause(10 + ctx.rand(40));
  }
};

function recordCheck(ctx: LoadContext, what: string, check: () => void): void {
  try {
    check();
  } catch (err) {
    ctx.stats.unexpected.push(`${ctx.cluster}: ${what}: ${(err as Error).message}`);
  }
}
