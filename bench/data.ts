/**
 * `npm run bench:data` (issue 20): the data plane's figures, each against a reference of the same run.
 *
 * - bulk INSERT in process: 100,000 rows in 1,000-row statements into a 4-column table, rows per second (target
 *   ≥ 200,000), against parsing the same statements alone;
 * - primary-key point SELECT over the wire, 1 connection, text and prepared (`WHERE id = ?`): bench/data-point.ts's
 *   measurement, the emulator (as `npm start` runs it) against MariaDB holding the same rows, in alternating slices
 *   (target ≥ 1.0× MariaDB's qps);
 * - RESTORE of a tenant holding 1,000,000 rows: real milliseconds from the statement to the restored tenant's rows
 *   being readable (virtual time is irrelevant), against the same restore of a tenant without rows (target < 2 s);
 * - resident memory per row of that 1,000,000-row table (after a full GC; target ≤ 200 bytes).
 *
 * Environment: data-point.ts's settings (BENCH_SECONDS, BENCH_SLICES, BENCH_ROWS, BENCH_SERVER).
 */
import { createEmulator } from '../src/index.js';
import { parseSql } from '../src/sql/parse.js';
import { measurePointSelects } from './data-point.js';
import { gcRss, ok } from './data-support.js';
import { mariadbAvailable } from './server-procs.js';

const TABLE = 'CREATE TABLE t (id BIGINT PRIMARY KEY, k INT NOT NULL, v VARCHAR(32), d DECIMAL(10,2))';

/** Row `i` of the 4-column table, as SQL values. */
const row = (i: number): string => `(${i}, ${(i * 7919) % 100_000}, 'value-${i % 1000}', ${(i % 100_000) / 100})`;

function inserts(from: number, rows: number, perStatement: number): string[] {
  const out: string[] = [];
  for (let at = from; at < from + rows; at += perStatement) {
    const values: string[] = [];
    for (let i = at; i < Math.min(at + perStatement, from + rows); i++) values.push(row(i));
    out.push(`INSERT INTO t VALUES ${values.join(',')}`);
  }
  return out;
}

function line(label: string, value: string, reference: string, ratio: string, target: string, pass: boolean): void {
  process.stdout.write(`${label.padEnd(52)} ${value.padStart(16)}  ${reference.padEnd(34)} ${ratio.padEnd(22)} ${target.padEnd(12)} ${pass ? 'ok' : 'MISSED'}\n`);
}

function bulkInsert(): void {
  const emu = createEmulator({ clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
  const s = emu.session({ tenant: 'mysql_tenant' });
  ok(s, 'ALTER EMULATOR SET WRITE RATE 0 MB PER SECOND');
  ok(s, 'CREATE DATABASE bench');
  ok(s, 'USE bench');
  ok(s, TABLE);
  const statements = inserts(0, 100_000, 1000);
  const p0 = performance.now();
  for (const sql of statements) parseSql(sql);
  const parseMs = performance.now() - p0;
  const t0 = performance.now();
  for (const sql of statements) ok(s, sql);
  const ms = performance.now() - t0;
  const rate = 100_000 / (ms / 1000);
  line('INSERT 100,000 rows, 1,000 per statement (in process)', `${Math.round(rate).toLocaleString('en')} rows/s`, `parse alone ${parseMs.toFixed(0)} ms`, `${(ms / parseMs).toFixed(2)} × parsing`, '≥ 200,000', rate >= 200_000);
}

function restoreMillion(): void {
  for (const rows of [0, 1_000_000]) {
    const emu = createEmulator({ clock: 'manual', startTime: '2026-01-01T00:00:00Z' });
    const t = emu.session({ tenant: 'mysql_tenant' });
    const sys = emu.session({ tenant: 'sys' });
    ok(t, 'ALTER EMULATOR SET WRITE RATE 0 MB PER SECOND');
    ok(t, "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/a'");
    ok(t, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/d'");
    ok(t, 'ALTER SYSTEM ARCHIVELOG');
    ok(t, 'CREATE DATABASE bench');
    ok(t, 'USE bench');
    ok(t, TABLE);
    const before = gcRss();
    const heapBefore = process.memoryUsage().heapUsed;
    for (const sql of inserts(0, rows, 1000)) ok(t, sql);
    const perRow = rows === 0 ? 0 : (gcRss() - before) / rows;
    heapPerRow = rows === 0 ? 0 : (process.memoryUsage().heapUsed - heapBefore) / rows;
    emu.advance('10s');
    ok(t, 'ALTER SYSTEM BACKUP DATABASE');
    emu.advance('2h');
    ok(sys, "CREATE RESOURCE UNIT IF NOT EXISTS ru MAX_CPU 2, MEMORY_SIZE '4G'");
    ok(sys, "CREATE RESOURCE POOL IF NOT EXISTS rp UNIT = 'ru', UNIT_NUM = 1, ZONE_LIST = ('zone1')");
    const t0 = performance.now();
    ok(sys, "ALTER SYSTEM RESTORE r FROM 'file:///data/nfs/d,file:///data/nfs/a' WITH 'pool_list=rp'");
    let restored = -1;
    for (let step = 0; step < 200 && restored < 0; step++) {
      emu.advance('1m');
      const status = sys.execute("SELECT STATUS FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE RESTORE_TENANT_NAME = 'r'");
      if (status.kind === 'rows' && status.resultSet.rows.length > 0) restored = step;
    }
    // The restore is done: the new tenant's rows are built. Counting them (a scan of 1,000,000 rows) checks it,
    // outside the time measured.
    const ms = performance.now() - t0;
    const r = emu.session({ tenant: 'r' });
    const count = r.execute('SELECT COUNT(*) FROM bench.t');
    const got = count.kind === 'rows' ? Number(count.resultSet.rows[0]?.[0]) : -1;
    if (got !== rows) throw new Error(`the restored tenant holds ${got} rows, not ${rows}`);
    if (rows === 0) {
      restoreReferenceMs = ms;
      continue;
    }
    line('RESTORE of a 1,000,000-row tenant (real time)', `${ms.toFixed(0)} ms`, `0 rows ${restoreReferenceMs.toFixed(0)} ms`, `+${(ms - restoreReferenceMs).toFixed(0)} ms for the rows`, '< 2 s', ms < 2000);
    // RSS keeps pages the insert's garbage grew the heap by; the heap after a GC is what the rows themselves hold.
    line('RSS per row, 1,000,000 rows of 4 columns', `${perRow.toFixed(0)} bytes`, `heap ${heapPerRow.toFixed(0)} bytes a row`, `${((perRow * rows) / 1048576).toFixed(0)} MB in all`, '≤ 200', perRow <= 200);
  }
}
let restoreReferenceMs = 0;
let heapPerRow = 0;

/** bench/data-point.ts's measurement (answers compared first; prepared with `?`), as this table's two lines. */
async function pointSelects(): Promise<void> {
  if (!mariadbAvailable()) {
    process.stdout.write('point SELECT over the wire: skipped, mariadb-server is not installed\n');
    return;
  }
  const { lines } = await measurePointSelects();
  for (const l of lines) {
    if (l.kind !== 'qps' || l.mariadb === undefined) continue;
    const ratio = l.emulator.qps / l.mariadb.qps;
    const label = l.label.replace(/^point SELECT by pk, \d+ rows/, 'point SELECT by primary key, 1 conn');
    line(label, `${Math.round(l.emulator.qps).toLocaleString('en')} qps`, `MariaDB ${Math.round(l.mariadb.qps).toLocaleString('en')} qps`, `${ratio.toFixed(2)} × MariaDB`, '≥ 1.0×', ratio >= 1);
  }
}

process.stdout.write(`${'bench:data'.padEnd(52)} ${'value'.padStart(16)}  ${'reference (same run)'.padEnd(34)} ${'ratio'.padEnd(22)} ${'target'.padEnd(12)}\n`);
bulkInsert();
restoreMillion();
await pointSelects();
