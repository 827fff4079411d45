/**
 * Bulk INSERT through the SQL layer in process (issue 20 "Must show": at least 200,000 rows per second): 100,000
 * rows in 1,000-row `INSERT INTO t VALUES (…), …` statements run by an embedded session, then the parse of the
 * same statements alone, with the INSERT fast path (grammar/fast-insert.ts) and without it (chevrotain's parse,
 * run beside it as the reference). Times are wall clock after a warm-up: on a shared machine they vary, so the
 * ratios of figures taken in the same run say more than the figures.
 * Run: npx tsc -p tsconfig.json && node dist/bench/data-insert.js
 */
import { cpus, loadavg } from 'node:os';
import { parse } from '../grammar/index.js';
import { createEmulator, isObError } from '../src/index.js';
import type { EmulatorSession } from '../src/index.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const BATCH = 1000;
const START = '2024-01-31T03:20:00Z';

/** Row i as the brief shapes it: `(4242, 51234, 'value-242', 424.2)`. */
function row(i: number): string {
  return `(${i}, ${(i * 7919) % 100_000}, 'value-${i % 1000}', ${(i % 10_000) / 10})`;
}

/** The statements inserting rows `from + 1 … from + count`, BATCH rows each. */
function statements(from: number, count: number): string[] {
  const out: string[] = [];
  for (let i = from; i < from + count; i += BATCH) {
    const rows: string[] = [];
    for (let j = i + 1; j <= Math.min(i + BATCH, from + count); j++) rows.push(row(j));
    out.push(`INSERT INTO t VALUES ${rows.join(', ')}`);
  }
  return out;
}

function freshTable(): EmulatorSession {
  const s = createEmulator({ startTime: START }).session({ tenant: 'mysql_tenant' });
  for (const sql of ['CREATE DATABASE bench', 'USE bench', 'CREATE TABLE t (id BIGINT PRIMARY KEY, k INT NOT NULL, v VARCHAR(32), d DECIMAL(10,2))']) {
    const r = s.execute(sql);
    if (isObError(r)) throw new Error(`${sql}: ${r.message}`);
  }
  return s;
}

function elapsedMs(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function insertAll(s: EmulatorSession, sqls: readonly string[]): void {
  for (const sql of sqls) {
    const r = s.execute(sql);
    if (isObError(r)) throw new Error(`INSERT failed: ${r.message}`);
  }
}

function parseAll(sqls: readonly string[], fastPaths: boolean): void {
  for (const sql of sqls) if (parse(sql, { fastPaths }).error !== null) throw new Error('bench INSERT does not parse');
}

const rate = (rows: number, ms: number): string => `${Math.round((rows / ms) * 1000).toLocaleString('en-US')} rows/s`;

/** The least of `runs` timings: on a shared machine the other figures hold someone else's work too. */
function bestMs(runs: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, elapsedMs(run));
  return best;
}

// Warm-up: the same code paths on other keys, so the JIT has compiled them before the timed runs.
const warmup = statements(ROWS, 20 * BATCH);
insertAll(freshTable(), warmup);
parseAll(warmup, true);
parseAll(warmup, false);

// The parses first: after the INSERTs the heap holds 100,000 rows, and every collection has them to walk.
const sqls = statements(0, ROWS);
const fastMs = bestMs(3, () => parseAll(sqls, true));
const slowMs = bestMs(3, () => parseAll(sqls, false));
const insertMs = bestMs(3, () => {
  const session = freshTable();
  insertAll(session, sqls);
  const check = session.execute('SELECT COUNT(*) FROM t');
  if (isObError(check) || check.kind !== 'rows' || Number(check.resultSet.rows[0]?.[0]) !== ROWS) throw new Error('the table does not hold every row');
});

console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} (other work shares them: compare the ratios)`);
console.log(`INSERT ${ROWS.toLocaleString('en-US')} rows in ${BATCH}-row statements: ${insertMs.toFixed(0)} ms, ${rate(ROWS, insertMs)} (target 200,000; best of 3)`);
console.log(`  parse alone, fast path:  ${fastMs.toFixed(0)} ms, ${rate(ROWS, fastMs)} (${((fastMs / insertMs) * 100).toFixed(0)}% of the INSERT time)`);
console.log(`  parse alone, chevrotain: ${slowMs.toFixed(0)} ms, ${rate(ROWS, slowMs)} (${(slowMs / fastMs).toFixed(1)}x the fast path)`);
console.log(`  execution without parse: ${(insertMs - fastMs).toFixed(0)} ms, ${rate(ROWS, insertMs - fastMs)}`);
console.log(`  the same with chevrotain's parse (estimated, execution + chevrotain): ${rate(ROWS, insertMs - fastMs + slowMs)}`);
