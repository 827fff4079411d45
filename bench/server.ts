/**
 * `npm run bench` (issue 9): the emulator side by side with MariaDB 10.11 on loopback, driven by the same mysql2
 * load in one run, alternating server by server for every measurement (in slices for the qps lines). Prints one
 * Markdown table: queries per second with p50 / p99 latency for SELECT 1, the operator's job query over 1,000
 * history rows and SELECT * over a 10-row history, at 1 and 8 connections, text and prepared; time from process
 * start to the first answered query (started as `npm start` does, from the snapshot, and through the bin);
 * resident memory idle, under load and with 1,000 clusters; ratios with the targets; machine and date.
 *
 * Settings (environment): BENCH_SECONDS (measured per server and line, default 3), BENCH_WARMUP (seconds, default
 * 0.5), BENCH_SLICES (the alternating slices those seconds are cut into, default 4), BENCH_STARTS
 * (timed starts per server, default 5; BENCH_STARTS_ONLY=1 measures only the start paths; BENCH_PERSIST_ONLY=1 only the
 * snapshot and data-directory lines of bench/server-persist.ts), BENCH_JOBS (history rows, default 1000), BENCH_CLUSTERS (default 1000).
 * Without mariadb-server installed the MariaDB column stays empty. Needs a build: npm run build && npm run bench.
 */
import { HISTORY_CLUSTER, SMALL_CLUSTER, emulatorLogin, loadMariaDb, makeClusters, makeHistory, readHistory } from './server-data.js';
import { runAlternating, type LoadSpec, type Mode } from './server-load.js';
import { mariadbAvailable, mariadbVersion, prepareMariaDb, rssBytes, startEmulator, type ConnectOptions, type Started } from './server-procs.js';
import { machine, renderTable, type Line } from './server-report.js';
import { measureStartPaths } from './server-starts.js';
import { measurePersistence } from './server-persist.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 0.5);
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 1000);
const SMALL_JOBS = 10;

/** `--tenant t` plus two more: every cluster, including the 1,000 of the memory line, has 3 user tenants. */
const EMULATOR_ARGS = ['--tenant', 't', '--tenant', 'u', '--tenant', 'v', '--seed', '1', '--start-time', '2026-01-01T00:00:00Z', '--log-level', 'warn'];
const MARIADB_TIME_ZONE = '+08:00';

const JOB_QUERY =
  'SELECT job_id, executor_tenant_id, job_level, start_timestamp, end_timestamp, status, result, comment, backup_set_id, ' +
  "plus_archivelog, backup_type, encryption_mode, passwd FROM DBA_OB_BACKUP_JOB_HISTORY WHERE backup_type = 'FULL' " +
  'order by job_id DESC LIMIT 1';

interface Workload {
  readonly label: string;
  readonly sql: string;
  readonly rows: number;
  /** Which data set: the 1,000-row history or the 10-row one. */
  readonly data: 'history' | 'small';
}

const WORKLOADS: readonly Workload[] = [
  { label: 'SELECT 1', sql: 'SELECT 1', rows: 1, data: 'history' },
  { label: `job query (${JOBS} rows)`, sql: JOB_QUERY, rows: 1, data: 'history' },
  { label: `SELECT * (${SMALL_JOBS} rows)`, sql: 'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY', rows: SMALL_JOBS, data: 'small' },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const started = new Date();
  if (process.env.BENCH_STARTS_ONLY !== undefined) {
    const lines = await measureStartPaths(STARTS);
    process.stdout.write(`${machine(started, 'not run', { seconds: 0, slices: 0, starts: STARTS })}\n\n${renderTable(lines)}\n`);
    return;
  }
  if (process.env.BENCH_PERSIST_ONLY !== undefined) {
    const lines = await measurePersistence({ seconds: SECONDS, warmupSeconds: WARMUP, slices: SLICES, starts: STARTS });
    process.stdout.write(`${machine(started, 'not run', { seconds: SECONDS, slices: SLICES, starts: STARTS })}\n\n${renderTable(lines)}\n`);
    return;
  }
  const withMariaDb = mariadbAvailable() && process.env.BENCH_NO_MARIADB === undefined;
  const lines: Line[] = [];
  process.stderr.write(`bench: preparing ${JOBS} + ${SMALL_JOBS} history rows…\n`);
  const emu = await startEmulator(EMULATOR_ARGS);
  const emuLogin = (data: Workload['data']): ConnectOptions => emulatorLogin(emu.host, emu.port, data === 'history' ? HISTORY_CLUSTER : SMALL_CLUSTER);
  const made = await makeHistory(emuLogin('history'), JOBS);
  const madeSmall = await makeHistory(emuLogin('small'), SMALL_JOBS);
  if (made !== JOBS || madeSmall !== SMALL_JOBS) throw new Error(`history rows: ${made} and ${madeSmall}`);

  const maria = withMariaDb ? prepareMariaDb(['--default-time-zone=' + MARIADB_TIME_ZONE]) : undefined;
  let db: Started | undefined;
  try {
    if (maria !== undefined) {
      const loader = await maria.start();
      const big = await readHistory(emuLogin('history'));
      const small = await readHistory(emuLogin('small'));
      await loadMariaDb({ host: loader.host, port: loader.port, user: 'root' }, 'oceanbase', big.columns, big.rows);
      await loadMariaDb({ host: loader.host, port: loader.port, user: 'root' }, 'small', small.columns, small.rows);
      await loader.stop();
    }

    process.stderr.write(`bench: ${STARTS} timed starts per server…\n`);
    const emuStarts: number[] = [];
    const emuFresh: number[] = [];
    const dbStarts: number[] = [];
    const dbFresh: number[] = [];
    const binStarts: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const e = await startEmulator(EMULATOR_ARGS);
      emuStarts.push(e.firstQueryMs);
      emuFresh.push(rssBytes(e.pid));
      await e.stop();
      const b = await startEmulator(EMULATOR_ARGS, 'bin');
      binStarts.push(b.firstQueryMs);
      await b.stop();
      if (maria !== undefined) {
        const m = await maria.start();
        dbStarts.push(m.firstQueryMs);
        dbFresh.push(rssBytes(m.pid));
        await m.stop();
      }
    }
    lines.push({ kind: 'start', label: 'start to first query (npm start: snapshot)', emulator: median(emuStarts), mariadb: maria ? median(dbStarts) : undefined });
    lines.push({ kind: 'start', label: 'start to first query (the bin, no snapshot)', emulator: median(binStarts), mariadb: maria ? median(dbStarts) : undefined });
    process.stderr.write(`bench: ${STARTS} timed starts of every start path…\n`);
    lines.push(...(await measureStartPaths(STARTS)));
    lines.push({ kind: 'rss', label: 'RSS idle, just started', emulator: median(emuFresh), mariadb: maria ? median(dbFresh) : undefined, target: 'idle' });

    db = maria === undefined ? undefined : await maria.start();
    const dbLogin = (data: Workload['data']): ConnectOptions => ({ host: db!.host, port: db!.port, user: 'root', database: data === 'history' ? 'oceanbase' : 'small' });
    await new Promise((r) => setTimeout(r, 500));
    lines.push({ kind: 'rss', label: 'RSS idle, rows loaded', emulator: rssBytes(emu.pid), mariadb: db ? rssBytes(db.pid) : undefined, target: 'idle' });

    const peak = { emulator: 0, mariadb: 0 };
    for (const w of WORKLOADS) {
      for (const connections of [1, 8]) {
        for (const mode of ['query', 'execute'] as Mode[]) {
          const spec = { sql: w.sql, rows: w.rows, mode, connections, seconds: SECONDS, warmupSeconds: WARMUP };
          process.stderr.write(`bench: ${w.label}, ${mode}, ${connections} connection(s)…\n`);
          const specs: LoadSpec[] = [{ ...spec, login: emuLogin(w.data), pid: emu.pid, onTick: () => (peak.emulator = Math.max(peak.emulator, rssBytes(emu.pid))) }];
          if (db !== undefined) {
            const pid = db.pid;
            specs.push({ ...spec, login: dbLogin(w.data), pid, onTick: () => (peak.mariadb = Math.max(peak.mariadb, rssBytes(pid))) });
          }
          const [e, m] = await runAlternating(specs, SLICES);
          if (e === undefined) throw new Error('no emulator result');
          lines.push({ kind: 'qps', label: `${w.label} · ${mode} · ${connections} conn`, connections, emulator: e, mariadb: m });
        }
      }
    }
    lines.push({ kind: 'rss', label: 'RSS under load (peak)', emulator: peak.emulator, mariadb: db ? peak.mariadb : undefined });

    process.stderr.write(`bench: ${CLUSTERS} clusters of 3 tenants…\n`);
    await makeClusters(emu.host, emu.port, CLUSTERS);
    await new Promise((r) => setTimeout(r, 500));
    lines.push({ kind: 'rss', label: `RSS with ${CLUSTERS} clusters of 3 tenants`, emulator: rssBytes(emu.pid), mariadb: undefined, target: 'clusters' });
    lines.push(...(await measurePersistence({ seconds: SECONDS, warmupSeconds: WARMUP, slices: SLICES, starts: STARTS })));
  } finally {
    await emu.stop();
    await db?.stop();
    maria?.dispose();
  }
  process.stdout.write(`${machine(started, mariadbVersion(), { seconds: SECONDS, slices: SLICES, starts: STARTS })}\n\n${renderTable(lines)}\n`);
}

await main();
