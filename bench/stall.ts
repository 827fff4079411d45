/**
 * Benchmark (issue 18): does one long statement stall other clients? A watchdog client in another cluster runs
 * `SELECT 1` every 10 ms over the wire; its round-trip times are taken on an idle server (the reference, in the
 * same run) and while another client runs a runaway ADVANCE TIME and a 3-way cartesian over the piece files, each
 * ended by ob_query_timeout. Prints p50 / p99 / max and the p99 as a ratio of the idle p99. Run with
 * `npm run bench:query` (after the evaluator lines).
 */
import mysql from 'mysql2/promise';
import { startServer } from '../src/index.js';

const TIMEOUT_US = 3_000_000;
const SETUP = [
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST='location=file:///tmp/stall' TENANT = mysql_tenant",
  'ALTER SYSTEM ARCHIVELOG TENANT = mysql_tenant',
];
const P = 'oceanbase.CDB_OB_ARCHIVELOG_PIECE_FILES';

async function watch(watchdog: mysql.Connection, during: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let running = true;
  const watching = (async () => {
    while (running) {
      const t = performance.now();
      await watchdog.query('SELECT 1');
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await during();
  running = false;
  await watching;
  return latencies;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;

function line(label: string, latencies: readonly number[], idleP99?: number): string {
  const s = [...latencies].sort((a, b) => a - b);
  const p99 = quantile(s, 0.99);
  const ratio = idleP99 === undefined ? '' : `, p99 ${(p99 / idleP99).toFixed(1)}x idle`;
  return `  ${label}: ${s.length} answers, p50 ${quantile(s, 0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${(s[s.length - 1] ?? Number.NaN).toFixed(2)} ms${ratio}`;
}

async function main(): Promise<void> {
  const server = await startServer({ port: 0, clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
  const connect = (user: string) => mysql.createConnection({ host: '127.0.0.1', port: server.port, user, password: '' });
  const busy = await connect('root@sys');
  const watchdog = await connect('root@sys#watchdog');
  for (const q of SETUP) await busy.query(q);
  await busy.query(`SET ob_query_timeout = ${TIMEOUT_US}`);
  for (let i = 0; i < 50; i++) await watchdog.query('SELECT 1'); // warm-up

  const idle = await watch(watchdog, () => new Promise((r) => setTimeout(r, 3000)));
  const idleP99 = quantile([...idle].sort((a, b) => a - b), 0.99);
  const expectTimeout = async (sql: string): Promise<void> => {
    try {
      await busy.query(sql);
    } catch (e) {
      if ((e as { errno?: number }).errno === 4012) return;
      throw e;
    }
    throw new Error(`${sql} ended without 4012`);
  };
  const advancing = await watch(watchdog, () => expectTimeout('ALTER EMULATOR ADVANCE TIME 36525 DAYS'));
  await busy.query('ALTER EMULATOR RESET');
  for (const q of SETUP) await busy.query(q);
  await busy.query('ALTER EMULATOR ADVANCE TIME 400 DAYS');
  const joining = await watch(watchdog, () => expectTimeout(`SELECT count(*) FROM ${P} a, ${P} b, ${P} c`));

  console.log(`stall: a watchdog SELECT 1 every 10 ms from another cluster, other statements ended by ob_query_timeout = ${TIMEOUT_US / 1e6} s`);
  console.log(line('idle server (reference)', idle));
  console.log(line('during a runaway ADVANCE TIME 36525 DAYS', advancing, idleP99));
  console.log(line('during a 3-way cartesian over 400 pieces', joining, idleP99));
  await busy.end();
  await watchdog.end();
  await server.close();
}

await main();
