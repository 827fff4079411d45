/**
 * A closed-loop mysql2 load: `connections` clients, each sending the next query as soon as the last answer is in,
 * for a fixed time in slices after short warm-ups, with text queries (COM_QUERY) or prepared statements (mysql2's execute:
 * one COM_STMT_PREPARE per connection, then COM_STMT_EXECUTE). Every answer is checked for its row count, so a
 * server that answers quickly but wrongly cannot win.
 */
import { readFileSync } from 'node:fs';
import type mysql from 'mysql2';
import { connect, end, type ConnectOptions } from './server-procs.js';

export type Mode = 'query' | 'execute';

export interface LoadResult {
  readonly qps: number;
  /** The server process's CPU time (user + system) per measured query, in µs; NaN without a pid. */
  readonly serverCpuUs: number;
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
  /** Values for the statement's `?` parameters (execute mode only). */
  readonly values?: readonly (string | number | bigint | null)[];
  /** The server's process id, for its CPU time per query. */
  readonly pid?: number;
  /** Called every 100 ms while the load runs (memory sampling). */
  readonly onTick?: () => void;
}

function once(c: mysql.Connection, mode: Mode, sql: string, rows: number, values?: LoadSpec['values']): Promise<void> {
  return new Promise((ok, fail) => {
    const done = (err: mysql.QueryError | null, result: unknown): void => {
      if (err) return fail(err);
      const n = Array.isArray(result) ? result.length : -1;
      if (n !== rows) return fail(new Error(`${sql}: ${n} rows, expected ${rows}`));
      ok();
    };
    if (mode === 'query') c.query(sql, done);
    else if (values === undefined) c.execute(sql, done);
    else c.execute(sql, [...values], done);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/** One server's side of a measurement: its clients, its latencies and the time it was measured. */
interface Side {
  readonly clients: mysql.Connection[];
  readonly latencies: number[];
  seconds: number;
  cpuSeconds: number;
}

/** User + system CPU seconds of a process so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Runs the same load on several servers in alternating slices (A, B, A, B, …), so a change in what else the
 * machine is doing hits every server alike. Each slice starts with a short unmeasured warm-up.
 */
export async function runAlternating(specs: readonly LoadSpec[], slices: number): Promise<LoadResult[]> {
  const sides: Side[] = [];
  for (const spec of specs) {
    sides.push({ clients: await Promise.all(Array.from({ length: spec.connections }, () => connect(spec.login))), latencies: [], seconds: 0, cpuSeconds: 0 });
  }
  for (let slice = 0; slice < slices; slice++) {
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i] as LoadSpec;
      const side = sides[i] as Side;
      side.seconds += await runSlice(spec, side, spec.seconds / slices, spec.warmupSeconds / slices);
    }
  }
  await Promise.all(sides.flatMap((s) => s.clients.map(end)));
  return sides.map((side) => {
    const sorted = Float64Array.from(side.latencies).sort();
    const serverCpuUs = (side.cpuSeconds * 1e6) / side.latencies.length;
    return { qps: side.latencies.length / side.seconds, serverCpuUs, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), queries: side.latencies.length };
  });
}

async function runSlice(spec: LoadSpec, side: Side, seconds: number, warmupSeconds: number): Promise<number> {
  let measuring = false;
  let stop = false;
  const loop = async (c: mysql.Connection): Promise<void> => {
    while (!stop) {
      const t0 = performance.now();
      await once(c, spec.mode, spec.sql, spec.rows, spec.values);
      if (measuring) side.latencies.push(performance.now() - t0);
    }
  };
  const tick = spec.onTick === undefined ? undefined : setInterval(spec.onTick, 100);
  const loops = side.clients.map(loop);
  await sleep(warmupSeconds * 1000);
  measuring = true;
  const t0 = performance.now();
  const cpu0 = cpuSeconds(spec.pid);
  await sleep(seconds * 1000);
  measuring = false;
  side.cpuSeconds += cpuSeconds(spec.pid) - cpu0;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  if (tick !== undefined) clearInterval(tick);
  return elapsed;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
