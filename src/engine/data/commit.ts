/**
 * Row writes of one commit: planned first (every check, nothing changed, so a rejected commit leaves the state as
 * it was), then applied at the commit's SCN: the latest versions, the before-images while history is kept, the
 * macroblocks the bytes landed in, and the redo for the archive.
 */
import { invariant, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { DataCatalog, PackedRow, TableVersion, TenantData } from '../state.js';
import { tableByIdAt } from './catalog.js';
import type { RowWrite } from './data-op-types.js';
import { addLogBytes } from './log-bytes.js';
import { redoBytes, rowBytes } from './row-bytes.js';
import { packRow } from './row-codec.js';
import { putRow, recordUndo } from './store.js';
import { markCommit, type SizedChange } from './tablet-blocks.js';

export interface PlannedWrite {
  readonly key: string;
  /** The row packed (row-codec.ts), or null: delete. */
  readonly row: PackedRow | null;
  readonly uniq: readonly (string | null)[] | null;
}

/** The planned writes of one table, last write per key winning, with the counters they move. */
export interface TablePlan {
  readonly table: TableVersion;
  readonly writes: Map<string, PlannedWrite>;
  hiddenPkNext: number;
  autoIncrementNext: bigint;
}

/** Where a commit applies and what it keeps. */
export interface ApplyContext {
  readonly data: TenantData;
  readonly catalog: DataCatalog;
  readonly scn: bigint;
  readonly atUs: number;
  /** Whether before-images are kept (some restorable point may read below this commit). */
  readonly keepHistory: boolean;
  /** The newest backup snapshot of the tenant (µs): macroblock marks dedupe within one INC window. */
  readonly lastSnapshotUs: number;
}

/**
 * The key of the n-th hidden primary key (tables without a PRIMARY KEY, OceanBase's __pk_increment): a length
 * prefix and base 36, so that the keys sort as the numbers do.
 */
export function hiddenKey(n: number): string {
  const digits = n.toString(36);
  return String.fromCharCode(0x40 + digits.length) + digits;
}

function autoIncrementColumn(table: TableVersion): number {
  return table.schema.columns.findIndex((c) => c.autoIncrement);
}

/** An integer value of the AUTO_INCREMENT column as bigint (null: none, or not a positive integer). */
function autoValue(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v > 0n ? v : null;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return BigInt(v);
  return null;
}

function newPlan(table: TableVersion): TablePlan {
  return { table, writes: new Map(), hiddenPkNext: table.store.hiddenPkNext, autoIncrementNext: table.autoIncrementNext };
}

function duplicate(display: string, index: string): ObError {
  return obErrorWith('OB_ERR_PRIMARY_KEY_DUPLICATE', display, index);
}

/** A write's unique keys, checked against the table and the commit's earlier writes (overlay). */
function checkUnique(plan: TablePlan, overlay: Map<string, Map<string, string | null>>, key: string, w: RowWrite): readonly (string | null)[] | ObError | null {
  const store = plan.table.store;
  if (store.uniqueNames.length === 0) return null;
  invariant(w.uniqueKeys !== undefined && w.uniqueKeys.length === store.uniqueNames.length, `table ${plan.table.tableId}: a row needs ${store.uniqueNames.length} unique keys`);
  const keys: (string | null)[] = [];
  for (let i = 0; i < store.uniqueNames.length; i++) {
    const u = w.uniqueKeys[i]!;
    keys.push(u === null ? null : u.key);
    if (u === null) continue;
    const name = store.uniqueNames[i]!;
    const layer = overlay.get(name)!;
    const owner = layer.has(u.key) ? layer.get(u.key)! : (store.unique.get(name)!.get(u.key) ?? null);
    if (owner !== null && owner !== key) return duplicate(u.display, u.index);
  }
  return keys;
}

/** The current version of a key as this commit sees it (its own earlier writes first). */
function currentOf(plan: TablePlan, key: string): PlannedWrite | null {
  const staged = plan.writes.get(key);
  if (staged !== undefined) return staged;
  const row = plan.table.store.rows.get(key);
  return row === undefined ? null : { key, row, uniq: plan.table.store.rowUnique.get(key) ?? null };
}

function planOne(plan: TablePlan, overlay: Map<string, Map<string, string | null>>, w: RowWrite): ObError | null {
  const table = plan.table;
  invariant(w.row === null || w.row.length === table.schema.columns.length, `table ${table.tableId}: a row of ${w.row?.length} values for ${table.schema.columns.length} columns`);
  let key = w.key;
  if (key === '' && table.schema.primaryKey.length === 0) {
    if (w.row === null) return null;
    key = hiddenKey(plan.hiddenPkNext++);
  }
  const current = currentOf(plan, key);
  if (w.insert === true && current !== null && current.row !== null) return duplicate(w.keyDisplay ?? key, 'PRIMARY');
  if (w.row === null && current === null) return null;
  // The row's old unique keys leave the index before its new ones are checked (an update keeping its key).
  current?.uniq?.forEach((u, i) => {
    if (u === null) return;
    const layer = overlay.get(table.store.uniqueNames[i]!)!;
    const owner = layer.has(u) ? layer.get(u) : table.store.unique.get(table.store.uniqueNames[i]!)!.get(u);
    if (owner === key) layer.set(u, null);
  });
  const uniq = w.row === null ? null : checkUnique(plan, overlay, key, w);
  if (uniq !== null && !Array.isArray(uniq)) return uniq as ObError;
  const keys = uniq as readonly (string | null)[] | null;
  keys?.forEach((u, i) => {
    if (u !== null) overlay.get(table.store.uniqueNames[i]!)!.set(u, key);
  });
  plan.writes.set(key, { key, row: w.row === null ? null : packRow(w.row), uniq: keys });
  const col = autoIncrementColumn(table);
  const v = col < 0 || w.row === null ? null : autoValue(w.row[col]);
  if (v !== null && v >= plan.autoIncrementNext) plan.autoIncrementNext = v + 1n;
  return null;
}

/** Plans a commit's writes; `created` is the table a CREATE TABLE … AS SELECT makes (tableId 0). */
export function planWrites(catalog: DataCatalog, writes: readonly RowWrite[], created?: TableVersion): Map<TableVersion, TablePlan> | ObError {
  const plans = new Map<TableVersion, TablePlan>();
  const overlays = new Map<TableVersion, Map<string, Map<string, string | null>>>();
  for (const w of writes) {
    const table = w.tableId === 0 && created !== undefined ? created : tableByIdAt(catalog, w.tableId);
    if (table === undefined) return obErrorWith('OB_TABLE_NOT_EXIST', '', `table id ${w.tableId}`);
    let plan = plans.get(table);
    if (plan === undefined) {
      plan = newPlan(table);
      plans.set(table, plan);
      overlays.set(table, new Map(table.store.uniqueNames.map((n) => [n, new Map<string, string | null>()])));
    }
    const err = planOne(plan, overlays.get(table)!, w);
    if (err !== null) return err;
  }
  return plans;
}

/** Applies one table's planned writes; returns the rows changed. */
function applyTable(ctx: ApplyContext, plan: TablePlan): { rows: number; redo: number } {
  const store = plan.table.store;
  const changes: SizedChange[] = [];
  const keys: string[] = [];
  const before: (PackedRow | null)[] = [];
  const beforeUnique: (readonly (string | null)[] | null)[] = [];
  const withUnique = store.uniqueNames.length > 0;
  // A table created by this very commit (CREATE TABLE … AS SELECT) is invisible below it: nothing to undo.
  const keep = ctx.keepHistory && plan.table.createdScn !== ctx.scn;
  let redo = 0;
  for (const w of plan.writes.values()) {
    const old = store.rows.get(w.key) ?? null;
    if (old === null && w.row === null) continue;
    if (keep) {
      keys.push(w.key);
      before.push(old);
      if (withUnique) beforeUnique.push(store.rowUnique.get(w.key) ?? null);
    }
    changes.push({ key: w.key, oldBytes: old === null ? null : rowBytes(w.key, old), newBytes: w.row === null ? null : rowBytes(w.key, w.row) });
    redo += redoBytes(w.key, w.row);
    putRow(store, w.key, w.row, w.uniq);
  }
  if (keys.length > 0) recordUndo(store, { scn: ctx.scn, keys, before, ...(withUnique ? { beforeUnique } : {}) });
  store.hiddenPkNext = plan.hiddenPkNext;
  plan.table.autoIncrementNext = plan.autoIncrementNext;
  markCommit(ctx.data, ctx.catalog, store, changes, ctx.atUs, ctx.lastSnapshotUs);
  return { rows: changes.length, redo };
}

/** Applies planned writes; returns the rows changed. */
export function applyPlans(ctx: ApplyContext, plans: Map<TableVersion, TablePlan>): number {
  let rows = 0;
  let redo = 0;
  for (const plan of plans.values()) {
    const r = applyTable(ctx, plan);
    rows += r.rows;
    redo += r.redo;
  }
  addLogBytes(ctx.data, ctx.atUs, redo);
  return rows;
}
