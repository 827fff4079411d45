/**
 * The data plane in process (issue 20 "Must show", engine side): bulk INSERT of 1,000,000 rows of a 4-column
 * table in 1,000-row commits through executeData (rows per second; target ≥ 200,000), the RSS those rows hold
 * (bytes per row; target ≤ 200), a full scan and primary-key point reads (what the SQL layer's SELECT costs
 * at least), and a RESTORE of the 1,000,000-row tenant (real ms to build it; target < 2 s).
 * The SQL layer's own cost (parsing, key encoding) is not in these figures: bench/data.ts measures the whole path.
 * Run: npm run build && node --expose-gc dist/bench/data-engine.js
 */
import { parse } from '../grammar/index.js';
import type { BackupStatement, ControlStatement } from '../grammar/ast.js';
import { isObError } from '../src/errors.js';
import { decodeSnapshot, encodeSnapshot } from '../src/persist/snapshot.js';
import { advance, createCluster, execute, executeData, findUserTable, getRow, scanRows } from '../src/engine/index.js';
import type { Cluster, RowWrite, SessionContext, StoredRow, TableSchema } from '../src/engine/index.js';
import { gcRss } from './data-support.js';

const START_US = Date.UTC(2024, 0, 1) * 1000;
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const BATCH = 1000;
const gc = (globalThis as { gc?: () => void }).gc;

function session(tenantId: number): SessionContext {
  const vars = new Map<string, string>();
  return { tenantId, user: 'root', variables: { get: (n) => vars.get(n) ?? null, set: (n, v) => void vars.set(n, v), delete: (n) => void vars.delete(n) } };
}

function run(cluster: Cluster, ctx: SessionContext, text: string): void {
  const stmt = parse(text).statements[0]!.ast as BackupStatement | ControlStatement;
  const out = execute(cluster, ctx, stmt as Parameters<typeof execute>[2]);
  if (isObError(out)) throw new Error(`${text}: ${out.message}`);
}

const schema: TableSchema = {
  name: 'orders',
  columns: [
    { name: 'id', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false, autoIncrement: true },
    { name: 'customer', type: { base: 'varchar', length: 32 }, nullable: false, autoIncrement: false },
    { name: 'qty', type: { base: 'int', width: 11, unsigned: false }, nullable: false, autoIncrement: false },
    { name: 'amount', type: { base: 'decimal', precision: 12, scale: 2 }, nullable: false, autoIncrement: false },
  ],
  primaryKey: [0],
  indexes: [],
};

/** The SQL layer's key for an integer pk: fixed-width, so it sorts as the number does. */
function key(id: number): string {
  return id.toString(36).padStart(8, '0');
}

function row(id: number): StoredRow {
  return [id, `customer${id % 10_000}`, id % 100, `${id % 1000}.${String(id % 100).padStart(2, '0')}`];
}

const cluster = createCluster({ startTimeUs: START_US, seed: 7, macroBlocksPerTenant: 50, writeRateBytesPerSec: 0, tenants: [{ name: 't1' }] });
const sys = session(1);
const t1 = session(1002);
run(cluster, t1, "ALTER SYSTEM SET log_archive_dest = 'location=file:///bench/archive'");
run(cluster, t1, "ALTER SYSTEM SET data_backup_dest = 'file:///bench/data'");
run(cluster, t1, 'ALTER SYSTEM ARCHIVELOG');
advance(cluster, 10_000);
run(cluster, t1, 'ALTER SYSTEM BACKUP DATABASE');
advance(cluster, 600_000);

const created = executeData(cluster, t1, { op: 'createTable', database: 'test', schema, ifNotExists: false });
if (isObError(created)) throw new Error(created.message);
const tableId = findUserTable(cluster.state, 1002, 'test', 'orders')!.tableId;
// Each 1,000-row statement's writes are built as the SQL layer would hand them over, inside the timed loop (the
// building is a small share); the RSS is measured after the rows are in, so it holds the rows and their keys.
const heapBefore = (gc?.(), process.memoryUsage().heapUsed);
const rssBefore = gcRss();
const t0 = process.hrtime.bigint();
for (let i = 0; i < ROWS; i += BATCH) {
  const writes: RowWrite[] = [];
  for (let j = i; j < Math.min(i + BATCH, ROWS); j++) writes.push({ tableId, key: key(j + 1), row: row(j + 1), insert: true });
  const out = executeData(cluster, t1, { op: 'commit', writes });
  if (isObError(out)) throw new Error(out.message);
}
const insertMs = Number(process.hrtime.bigint() - t0) / 1e6;
const rssAfter = gcRss();
const heapAfter = process.memoryUsage().heapUsed;
// With a backup set live, each commit also keeps its before-images (MVCC): the figure includes them.
const bytesPerRow = (rssAfter - rssBefore) / ROWS;

let scanned = 0;
const s0 = process.hrtime.bigint();
for (const _ of scanRows(cluster.state, 1002, tableId)) scanned++;
const scanMs = Number(process.hrtime.bigint() - s0) / 1e6;
const POINTS = 200_000;
const p0 = process.hrtime.bigint();
let found = 0;
for (let i = 0; i < POINTS; i++) if (getRow(cluster.state, 1002, tableId, key(((i * 7919) % ROWS) + 1)) !== undefined) found++;
const pointMs = Number(process.hrtime.bigint() - p0) / 1e6;
if (found !== POINTS || scanned !== ROWS) throw new Error(`read ${found} of ${POINTS} points, scanned ${scanned} of ${ROWS}`);

// SAVE / LOAD SNAPSHOT and --data-dir checkpoints serialize the state with the rows (v8.serialize).
const e0 = process.hrtime.bigint();
const snapshot = encodeSnapshot({ config: cluster.config, state: cluster.state, globals: [] }, 'bench');
const encodeMs = Number(process.hrtime.bigint() - e0) / 1e6;
const d0 = process.hrtime.bigint();
decodeSnapshot(snapshot, 'bench');
const decodeMs = Number(process.hrtime.bigint() - d0) / 1e6;

/** The same rows in a tenant with no backup and no archive: only the latest versions are kept. */
function bytesPerRowWithoutHistory(): number {
  const plain = createCluster({ startTimeUs: START_US, seed: 7, macroBlocksPerTenant: 50, writeRateBytesPerSec: 0, tenants: [{ name: 't1' }] });
  const made = executeData(plain, t1, { op: 'createTable', database: 'test', schema, ifNotExists: false });
  if (isObError(made)) throw new Error(made.message);
  const id = findUserTable(plain.state, 1002, 'test', 'orders')!.tableId;
  // Heap, not RSS: this runs after the first measurement, whose freed pages the process keeps and reuses.
  const heap = (): number => (gc?.(), gc?.(), process.memoryUsage().heapUsed);
  const before = heap();
  for (let i = 0; i < ROWS; i += BATCH) {
    const writes: RowWrite[] = [];
    for (let j = i; j < Math.min(i + BATCH, ROWS); j++) writes.push({ tableId: id, key: key(j + 1), row: row(j + 1), insert: true });
    executeData(plain, t1, { op: 'commit', writes });
  }
  const perRow = (heap() - before) / ROWS;
  // Kept alive to the measurement's end.
  if (plain.state.tenants.length === 0) throw new Error('unreachable');
  return perRow;
}

advance(cluster, 300_000);
run(cluster, sys, "CREATE RESOURCE UNIT uc1 MAX_CPU 2, MEMORY_SIZE '4G'");
run(cluster, sys, "CREATE RESOURCE POOL p1 UNIT='uc1', UNIT_NUM=1, ZONE_LIST=('zone1')");
run(cluster, sys, "ALTER SYSTEM RESTORE r1 FROM 'file:///bench/data,file:///bench/archive' WITH 'pool_list=p1'");
// The restore's CREATE_TENANT step (one second of virtual time later) builds the tenant's data.
const r0 = process.hrtime.bigint();
advance(cluster, 1000);
const restoreMs = Number(process.hrtime.bigint() - r0) / 1e6;
const restored = cluster.state.tenants.find((t) => t.name === 'r1')!;
let restoredRows = 0;
for (const _ of scanRows(cluster.state, restored.id, tableId)) restoredRows++;

console.log(`data plane in process, ${ROWS.toLocaleString('en-US')} rows of a 4-column table, ${BATCH}-row commits`);
console.log(`  bulk insert      ${Math.round(ROWS / (insertMs / 1000)).toLocaleString('en-US').padStart(12)} rows/s   (target >= 200,000; ${insertMs.toFixed(0)} ms)`);
console.log(`  memory           ${bytesPerRow.toFixed(0).padStart(12)} B/row    (target <= 200; RSS +${((rssAfter - rssBefore) / 1048576).toFixed(0)} MB, heap ${((heapAfter - heapBefore) / ROWS).toFixed(0)} B/row)`);
console.log(`  without history  ${bytesPerRowWithoutHistory().toFixed(0).padStart(12)} B/row    (heap; a tenant with no backup keeps only the latest versions)`);
console.log(`  full scan        ${Math.round(ROWS / (scanMs / 1000)).toLocaleString('en-US').padStart(12)} rows/s   (${scanMs.toFixed(0)} ms, rows unpacked)`);
console.log(`  point reads      ${Math.round(POINTS / (pointMs / 1000)).toLocaleString('en-US').padStart(12)} reads/s  (getRow by primary key)`);
console.log(`  snapshot         ${(snapshot.length / 1048576).toFixed(0).padStart(12)} MB       (save ${encodeMs.toFixed(0)} ms, load ${decodeMs.toFixed(0)} ms)`);
console.log(`  restore          ${restoreMs.toFixed(0).padStart(12)} ms       (target < 2000; ${restoredRows.toLocaleString('en-US')} rows restored)`);
