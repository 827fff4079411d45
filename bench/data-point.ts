/**
 * Issue 20's point SELECT over the wire: `SELECT * FROM t WHERE id = 4242` on a 100,000-row table, as text and as
 * a prepared statement (`WHERE id = ?`), at 1 connection, the emulator against MariaDB in alternating slices. Both
 * servers get the same rows from the same INSERT texts, and both must give the same answer before anything is
 * timed. Prints the bench's Markdown table (bench/server-report.ts) with the machine and its load.
 *
 * Settings (environment): BENCH_ROWS (default 100000), BENCH_SECONDS (measured per server and line, default 6),
 * BENCH_WARMUP (seconds, default 1), BENCH_SLICES (default 6), BENCH_SERVER (`npm start`, the default: the server
 * as `npm start` runs it, from the snapshot, so run `npm run build` first; `in-process`: startServer in this
 * process, sharing the client's thread, for a first figure without a build of the snapshot).
 * Run: npx tsc -p tsconfig.json && node dist/bench/data-point.js
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startServer } from '../src/index.js';
import { runAlternating, type LoadSpec } from './server-load.js';
import { connect, end, mariadbAvailable, mariadbVersion, prepareMariaDb, run, startEmulator, type ConnectOptions, type Started } from './server-procs.js';
import { machine, renderTable, type Line } from './server-report.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 6);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 1);
const SLICES = Number(process.env['BENCH_SLICES'] ?? 6);
const IN_PROCESS = process.env['BENCH_SERVER'] === 'in-process';
const BATCH = 1000;
const KEY = 4242;

const DDL = 'CREATE TABLE t (id BIGINT PRIMARY KEY, k INT NOT NULL, v VARCHAR(32), d DECIMAL(10,2))';

/** One INSERT of rows `from` … `to` - 1; every seventh v is NULL, so the rows are not all alike. */
function insertText(from: number, to: number): string {
  const values: string[] = [];
  for (let id = from; id < to; id++) values.push(`(${id}, ${(id * 7919) % 1000}, ${id % 7 === 0 ? 'NULL' : `'v${id}'`}, ${id % 500}.${String(id % 100).padStart(2, '0')})`);
  return `INSERT INTO t VALUES ${values.join(', ')}`;
}

async function load(login: ConnectOptions): Promise<void> {
  const c = await connect({ ...login, database: undefined });
  await run(c, 'CREATE DATABASE IF NOT EXISTS test');
  await run(c, 'USE test');
  await run(c, 'DROP TABLE IF EXISTS t');
  await run(c, DDL);
  for (let i = 1; i <= ROWS; i += BATCH) await run(c, insertText(i, Math.min(i + BATCH, ROWS + 1)));
  await end(c);
}

/** The answer to the point SELECT as text cells, for comparing the two servers. */
async function answer(login: ConnectOptions): Promise<string> {
  const c = await connect({ ...login, rowsAsArray: true, supportBigNumbers: true, bigNumberStrings: true });
  const rows = await new Promise<unknown>((ok, fail) => c.query(`SELECT * FROM t WHERE id = ${KEY}`, (err, r) => (err ? fail(err) : ok(r))));
  await end(c);
  return JSON.stringify(rows);
}

/** The emulator's server: a child process started as `npm start` does, or startServer in this process. */
async function emulator(): Promise<{ login: ConnectOptions; pid: number | undefined; stop(): Promise<void> }> {
  if (IN_PROCESS) {
    const server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    return { login: { host: server.host, port: server.port, user: 'root@mysql_tenant', database: 'test' }, pid: undefined, stop: () => server.close() };
  }
  const started: Started = await startEmulator(['--seed', '1', '--start-time', '2026-01-01T00:00:00Z', '--log-level', 'warn']);
  return { login: { host: started.host, port: started.port, user: 'root@mysql_tenant', database: 'test' }, pid: started.pid, stop: () => started.stop() };
}

function spec(login: ConnectOptions, pid: number | undefined, mode: LoadSpec['mode']): LoadSpec {
  const text = mode === 'query';
  return {
    login,
    sql: text ? `SELECT * FROM t WHERE id = ${KEY}` : 'SELECT * FROM t WHERE id = ?',
    mode,
    connections: 1,
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    rows: 1,
    ...(text ? {} : { values: [KEY] }),
    ...(pid === undefined ? {} : { pid }),
  };
}

/** The measurement: both servers loaded alike, their answers compared, then text and prepared in alternating slices. */
export async function measurePointSelects(): Promise<{ readonly lines: Line[]; readonly emuLoadS: number; readonly server: string }> {
  if (!mariadbAvailable()) throw new Error('mariadb-server is not installed');
  const emu = await emulator();
  const maria = prepareMariaDb();
  const db = await maria.start();
  const dbLogin: ConnectOptions = { host: db.host, port: db.port, user: 'root', database: 'test' };
  try {
    const t0 = performance.now();
    await load(emu.login);
    const emuLoadS = (performance.now() - t0) / 1000;
    await load(dbLogin);
    const [a, b] = [await answer(emu.login), await answer(dbLogin)];
    if (a !== b) throw new Error(`the servers disagree: emulator ${a}, MariaDB ${b}`);
    const lines: Line[] = [];
    for (const mode of ['query', 'execute'] as const) {
      const [e, m] = await runAlternating([spec(emu.login, emu.pid, mode), spec(dbLogin, db.pid, mode)], SLICES);
      if (e === undefined || m === undefined) throw new Error('no result');
      lines.push({ kind: 'qps', label: `point SELECT by pk, ${ROWS} rows, ${mode === 'query' ? 'text' : 'prepared'}`, connections: 1, emulator: e, mariadb: m });
    }
    const server = IN_PROCESS ? 'startServer in the bench process' : 'npm start (snapshot) as a child process';
    return { lines, emuLoadS, server };
  } finally {
    await emu.stop();
    await db.stop();
    maria.dispose();
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
  const { lines, emuLoadS, server } = await measurePointSelects();
  process.stdout.write(`${machine(started, mariadbVersion(), { seconds: SECONDS, slices: SLICES, starts: 0 })}\n`);
  process.stdout.write(`Emulator: ${server}; ${ROWS} rows loaded in ${emuLoadS.toFixed(1)} s; load average at the start ${loadBefore}\n\n`);
  process.stdout.write(`${renderTable(lines)}\n`);
}

// Run on its own (node dist/bench/data-point.js), or imported by bench/data.ts for its point SELECT lines.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
