/**
 * A closed-loop mysql2 load: `connections` clients, each sending the next query as soon as the last answer is in,
 * for a fixed time after a short warm-up, with text queries (COM_QUERY) or prepared statements (mysql2's execute:
 * one COM_STMT_PREPARE per connection, then COM_STMT_EXECUTE). Every answer is checked for its row count, so a
 * server that answers quickly but wrongly cannot win.
 */
import type mysql from 'mysql2';
import { connect, end, type ConnectOptions } from './server-procs.js';

export type Mode = 'query' | 'execute';

export interface LoadResult {
  readonly qps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly queries: number;
}

export interface LoadSpec {
  readonly login: ConnectOptions;
  readonly sql: string;
  readonly mode: Mode;
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Rows every answer must hold. */
  readonly rows: number;
  /** Called every 100 ms while the load runs (memory sampling). */
  readonly onTick?: () => void;
}

function once(c: mysql.Connection, mode: Mode, sql: string, rows: number): Promise<void> {
  return new Promise((ok, fail) => {
    const done = (err: mysql.QueryError | null, result: unknown): void => {
      if (err) return fail(err);
      const n = Array.isArray(result) ? result.length : -1;
      if (n !== rows) return fail(new Error(`${sql}: ${n} rows, expected ${rows}`));
      ok();
    };
    if (mode === 'query') c.query(sql, done);
    else c.execute(sql, done);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const clients = await Promise.all(Array.from({ length: spec.connections }, () => connect(spec.login)));
  const latencies: number[] = [];
  let measuring = false;
  let stop = false;
  const loop = async (c: mysql.Connection): Promise<void> => {
    while (!stop) {
      const t0 = performance.now();
      await once(c, spec.mode, spec.sql, spec.rows);
      if (measuring) latencies.push(performance.now() - t0);
    }
  };
  const tick = spec.onTick === undefined ? undefined : setInterval(spec.onTick, 100);
  const loops = clients.map(loop);
  await sleep(spec.warmupSeconds * 1000);
  measuring = true;
  const t0 = performance.now();
  await sleep(spec.seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  if (tick !== undefined) clearInterval(tick);
  await Promise.all(clients.map(end));
  const sorted = Float64Array.from(latencies).sort();
  return { qps: latencies.length / elapsed, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), queries: latencies.length };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
