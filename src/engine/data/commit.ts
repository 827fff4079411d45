/**
 * Row writes of one commit: planned first (every check, nothing changed, so a rejected commit leaves the state as
 * it was), then applied at the commit's SCN: the latest versions, the before-images while history is kept, the
 * macroblocks the bytes landed in, and the redo for the archive.
 */
import { InvariantError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { DataCatalog, PackedRow, TableVersion, TenantData } from '../state.js';
import { tableByIdAt, tableGone } from './catalog.js';
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
  /** The AUTO_INCREMENT column's position (-1: none), looked up once per commit. */
  autoColumn?: number;
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
  /** Redo may be folded into a log segment that starts at or after this (µs): the archive's current piece. */
  readonly logFoldAfterUs: number;
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

/** A planned write with the texts a 1062 would show for its unique keys. */
interface Staged extends PlannedWrite {
  readonly shown: readonly ({ readonly index: string; readonly display: string } | null)[] | null;
}

/** The write's unique keys, in the order of the table's unique indexes (null: the table has none). */
function uniqueOf(plan: TablePlan, w: RowWrite): { keys: (string | null)[]; shown: ({ index: string; display: string } | null)[] } | null {
  const names = plan.table.store.uniqueNames;
  if (names.length === 0 || w.row === null) return null;
  // Checked before the message is built: this runs once per written row.
  if (w.uniqueKeys === undefined || w.uniqueKeys.length !== names.length) throw new InvariantError(`table ${plan.table.tableId}: a row needs ${names.length} unique keys`);
  return {
    keys: w.uniqueKeys.map((u) => (u === null ? null : u.key)),
    shown: w.uniqueKeys.map((u) => (u === null ? null : { index: u.index, display: u.display })),
  };
}

/** Stages one write: the last write of a key wins; an insert must find its key absent (as the commit sees it). */
function stage(plan: TablePlan, staged: Map<string, Staged>, w: RowWrite): ObError | null {
  const table = plan.table;
  if (w.row !== null && w.row.length !== table.schema.columns.length) {
    throw new InvariantError(`table ${table.tableId}: a row of ${w.row.length} values for ${table.schema.columns.length} columns`);
  }
  let key = w.key;
  if (key === '' && table.schema.primaryKey.length === 0) {
    if (w.row === null) return null;
    key = hiddenKey(plan.hiddenPkNext++);
  }
  const prior = staged.get(key);
  const exists = prior !== undefined ? prior.row !== null : table.store.rows.has(key);
  if (w.insert === true && exists) return duplicate(w.keyDisplay ?? key, 'PRIMARY');
  if (w.row === null && !exists && prior === undefined) return null;
  const unique = uniqueOf(plan, w);
  if (prior !== undefined) staged.delete(key); // re-inserted last: the checks report conflicts in write order
  staged.set(key, { key, row: w.row === null ? null : packRow(w.row), uniq: unique?.keys ?? null, shown: unique?.shown ?? null });
  const col = (plan.autoColumn ??= autoIncrementColumn(table));
  const v = col < 0 || w.row === null ? null : autoValue(w.row[col]);
  if (v !== null && v >= plan.autoIncrementNext) plan.autoIncrementNext = v + 1n;
  return null;
}

/**
 * Unique keys are checked on the commit's outcome, not write by write: a transaction may move a key from one row
 * to another in either order (the SQL layer checks each statement as it runs). A key conflicts when two rows of
 * the outcome claim it, or a row the commit leaves alone holds it.
 */
function checkUnique(plan: TablePlan, staged: Map<string, Staged>): ObError | null {
  const store = plan.table.store;
  for (let i = 0; i < store.uniqueNames.length; i++) {
    const committed = store.unique.get(store.uniqueNames[i]!)!;
    const claims = new Map<string, string>();
    for (const w of staged.values()) {
      const u = w.uniq?.[i] ?? null;
      if (u === null) continue;
      const shown = w.shown![i]!;
      if (claims.has(u)) return duplicate(shown.display, shown.index);
      claims.set(u, w.key);
      const owner = committed.get(u);
      if (owner !== undefined && owner !== w.key && !staged.has(owner)) return duplicate(shown.display, shown.index);
    }
  }
  return null;
}

/** Plans a commit's writes; `created` is the table a CREATE TABLE … AS SELECT makes (tableId 0). */
export function planWrites(catalog: DataCatalog, writes: readonly RowWrite[], created?: TableVersion): Map<TableVersion, TablePlan> | ObError {
  const plans = new Map<TableVersion, TablePlan>();
  const stagedBy = new Map<TableVersion, Map<string, Staged>>();
  // Table lookups are cached for the commit: a 1,000-row statement names one table a thousand times.
  const byId = new Map<number, TableVersion | undefined>();
  for (const w of writes) {
    let table = w.tableId === 0 && created !== undefined ? created : byId.get(w.tableId);
    if (table === undefined && !byId.has(w.tableId)) {
      table = tableByIdAt(catalog, w.tableId);
      byId.set(w.tableId, table);
    }
    if (table === undefined) return tableGone(catalog, w.tableId);
    let plan = plans.get(table);
    if (plan === undefined) {
      plan = newPlan(table);
      plans.set(table, plan);
      stagedBy.set(table, new Map());
    }
    const err = stage(plan, stagedBy.get(table)!, w);
    if (err !== null) return err;
  }
  for (const [table, plan] of plans) {
    const staged = stagedBy.get(table)!;
    const err = checkUnique(plan, staged);
    if (err !== null) return err;
    for (const [key, w] of staged) plan.writes.set(key, w);
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
  addLogBytes(ctx.data, ctx.atUs, redo, ctx.logFoldAfterUs);
  return rows;
}
