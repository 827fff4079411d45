/**
 * The DDL of the data plane: each op is checked first and returns either OceanBase's error or the change to make
 * at the commit SCN (a `Change`), so a rejected op changes nothing. A table's versions: DROP ends one; TRUNCATE,
 * RENAME and ALTER end one and start the next (same table id; TRUNCATE and ALTER write a new tablet).
 */
import { obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { DataCatalog, StoredRow, TableSchema, TableVersion } from '../state.js';
import { databaseAt, isSystemDatabase, lower, tableAt } from './catalog.js';
import type { ApplyContext, TablePlan } from './commit.js';
import { applyPlans, planWrites } from './commit.js';
import type { DataOp, RowWrite, TableRef } from './data-op-types.js';
import { newStore, uniqueKeysOf } from './store.js';
import { entriesAt } from './mvcc.js';
import { packRow } from './row-codec.js';

/** A checked op: what it changes at the commit (rows changed), or null when it finds nothing to do. */
export type Change = ((ctx: ApplyContext) => number) | null;

/** Who runs the DDL (the 1044 text of a system database names the user). */
export interface Who {
  readonly user: string;
}

type Op<K extends DataOp['op']> = Extract<DataOp, { op: K }>;

function uniqueNamesOf(schema: TableSchema): string[] {
  return schema.indexes.filter((i) => i.unique).map((i) => i.name);
}

/** The schema as stored: the table name lower-cased (lower_case_table_names = 1); columns keep their case. */
function storedSchema(schema: TableSchema, name = schema.name): TableSchema {
  return { ...schema, name: lower(name) };
}

export function createDatabase(catalog: DataCatalog, op: Op<'createDatabase'>): Change | ObError {
  if (databaseAt(catalog, op.name) !== undefined || isSystemDatabase(op.name)) return op.ifNotExists ? null : obErrorWith('OB_DATABASE_EXIST', lower(op.name));
  return (ctx) => {
    ctx.catalog.databases.push({ id: ctx.catalog.nextObjectId++, name: lower(op.name), createdScn: ctx.scn, droppedScn: null, createdUs: ctx.atUs });
    return 1;
  };
}

/** DROP DATABASE drops its tables too; the affected rows are the tables dropped (as MySQL reports them). */
export function dropDatabase(catalog: DataCatalog, op: Op<'dropDatabase'>): Change | ObError {
  const db = databaseAt(catalog, op.name);
  if (db === undefined) return op.ifExists ? null : obErrorWith('OB_ERR_DB_DROP_EXISTS', lower(op.name));
  return (ctx) => {
    db.droppedScn = ctx.scn;
    let tables = 0;
    for (const t of ctx.catalog.tables) {
      if (t.database === db.name && t.droppedScn === null) {
        t.droppedScn = ctx.scn;
        tables++;
      }
    }
    return tables;
  };
}

function newTable(catalog: DataCatalog, database: string, schema: TableSchema, atUs: number, scn: bigint): TableVersion {
  return {
    tableId: catalog.nextObjectId++,
    tabletId: catalog.nextTabletId++,
    database: lower(database),
    schema: storedSchema(schema),
    createdScn: scn,
    droppedScn: null,
    createdUs: atUs,
    autoIncrementNext: 1n,
    store: newStore(uniqueNamesOf(schema)),
  };
}

export function createTable(catalog: DataCatalog, op: Op<'createTable'>): Change | ObError {
  if (databaseAt(catalog, op.database) === undefined) return obErrorWith('OB_ERR_BAD_DATABASE', lower(op.database));
  if (tableAt(catalog, op.database, op.schema.name) !== undefined) {
    return op.ifNotExists ? null : obErrorWith('OB_ERR_TABLE_EXIST', lower(op.schema.name));
  }
  // The rows of CREATE TABLE … AS SELECT are checked against a scratch table (unique keys among themselves).
  let plans: Map<TableVersion, TablePlan> | null = null;
  if (op.rows !== undefined && op.rows.length > 0) {
    const scratch = newTable({ ...catalog, tables: [] }, op.database, op.schema, 0, 0n);
    const planned = planWrites(catalog, op.rows, scratch);
    if (!(planned instanceof Map)) return planned;
    plans = planned;
  }
  return (ctx) => {
    const table = newTable(ctx.catalog, op.database, op.schema, ctx.atUs, ctx.scn);
    ctx.catalog.tables.push(table);
    if (plans === null) return 0;
    // Replan against the real table (same rows, same outcome: the scratch run has checked them).
    const real = planWrites(ctx.catalog, op.rows!, table) as Map<TableVersion, TablePlan>;
    return applyPlans(ctx, real);
  };
}

/** MySQL names every missing table of a DROP at once: `Unknown table 'db.a,db.b'`. */
export function dropTable(catalog: DataCatalog, op: Op<'dropTable'>): Change | ObError {
  const found: TableVersion[] = [];
  const missing: string[] = [];
  for (const ref of op.tables) {
    const t = tableAt(catalog, ref.database, ref.name);
    if (t === undefined || found.includes(t)) missing.push(`${lower(ref.database)}.${lower(ref.name)}`);
    else found.push(t);
  }
  if (missing.length > 0 && !op.ifExists) return obErrorWith('OB_ERR_BAD_TABLE', missing.join(','));
  if (found.length === 0) return null;
  return (ctx) => {
    for (const t of found) t.droppedScn = ctx.scn;
    return 0;
  };
}

/** The next version of a table: the same table id and CREATE_TIME, created at the commit. */
function successor(t: TableVersion, ctx: ApplyContext, patch: Partial<TableVersion>): TableVersion {
  t.droppedScn = ctx.scn;
  const next: TableVersion = { ...t, createdScn: ctx.scn, droppedScn: null, ...patch };
  ctx.catalog.tables.push(next);
  return next;
}

export function truncateTable(catalog: DataCatalog, op: Op<'truncateTable'>): Change | ObError {
  const t = tableAt(catalog, op.database, op.name);
  if (t === undefined) return obErrorWith('OB_TABLE_NOT_EXIST', lower(op.database), lower(op.name));
  return (ctx) => {
    // A new, empty tablet; AUTO_INCREMENT starts again at 1 (MySQL's TRUNCATE).
    successor(t, ctx, { tabletId: ctx.catalog.nextTabletId++, autoIncrementNext: 1n, store: newStore(t.store.uniqueNames) });
    return 0;
  };
}

/** RENAME TABLE a TO b, c TO d: applied in order (so a swap through a temporary name works), all or nothing. */
export function renameTable(catalog: DataCatalog, op: Op<'renameTable'>): Change | ObError {
  const live = new Map<string, TableVersion>();
  for (const t of catalog.tables) if (t.droppedScn === null) live.set(`${t.database}.${t.schema.name}`, t);
  const moves: { table: TableVersion; to: TableRef }[] = [];
  for (const { from, to } of op.renames) {
    const fromKey = `${lower(from.database)}.${lower(from.name)}`;
    const toKey = `${lower(to.database)}.${lower(to.name)}`;
    const t = live.get(fromKey);
    if (t === undefined) return obErrorWith('OB_TABLE_NOT_EXIST', lower(from.database), lower(from.name));
    if (live.has(toKey)) return obErrorWith('OB_ERR_TABLE_EXIST', lower(to.name));
    if (databaseAt(catalog, to.database) === undefined) return obErrorWith('OB_ERR_BAD_DATABASE', lower(to.database));
    live.delete(fromKey);
    live.set(toKey, t);
    moves.push({ table: t, to });
  }
  return (ctx) => {
    // A table renamed twice in one statement moves through its intermediate version (which lives for no SCN).
    const current = new Map<TableVersion, TableVersion>();
    for (const { table, to } of moves) {
      const from = current.get(table) ?? table;
      const next = successor(from, ctx, { database: lower(to.database), schema: storedSchema(from.schema, to.name) });
      current.set(table, next);
    }
    return 0;
  };
}

function pkNames(schema: TableSchema): string {
  return schema.primaryKey.map((i) => lower(schema.columns[i]!.name)).join(',');
}

/** ADD / DROP COLUMN: the rows are rewritten into a new tablet (an offline DDL); the primary key must stay. */
export function alterTable(catalog: DataCatalog, op: Op<'alterTable'>): Change | ObError {
  const t = tableAt(catalog, op.database, op.name);
  if (t === undefined) return obErrorWith('OB_TABLE_NOT_EXIST', lower(op.database), lower(op.name));
  if (op.columnMap.length !== op.schema.columns.length) return obErrorWith('OB_INVALID_ARGUMENT', 'ALTER TABLE column map');
  if (op.columnMap.some((m) => typeof m === 'number' && (m < 0 || m >= t.schema.columns.length))) return obErrorWith('OB_INVALID_ARGUMENT', 'ALTER TABLE column map');
  if (pkNames(op.schema) !== pkNames(t.schema)) return obErrorWith('OB_NOT_SUPPORTED', 'ALTER TABLE changing the primary key is');
  const oldUnique = t.store.uniqueNames;
  const newUnique = uniqueNamesOf(op.schema);
  // Unique keys are the SQL layer's encoding: the engine can keep an index's keys but not compute a new index's.
  if (newUnique.some((n) => !oldUnique.includes(n))) return obErrorWith('OB_NOT_SUPPORTED', 'ALTER TABLE adding a unique index is');
  return (ctx) => {
    const rewrites: RowWrite[] = [];
    const keys: (readonly (string | null)[] | null)[] = [];
    for (const [key, row] of entriesAt(t.store)) {
      rewrites.push({ tableId: 0, key, row: mapRow(row, op.columnMap) });
      keys.push(uniqueKeysOf(t.store, key));
    }
    const next = successor(t, ctx, {
      tabletId: ctx.catalog.nextTabletId++,
      schema: storedSchema(op.schema, t.schema.name),
      store: { ...newStore(newUnique), hiddenPkNext: t.store.hiddenPkNext },
    });
    const plan: TablePlan = { table: next, writes: new Map(), hiddenPkNext: t.store.hiddenPkNext, autoIncrementNext: t.autoIncrementNext };
    rewrites.forEach((w, i) => {
      const old = keys[i] ?? null;
      const uniq = old === null ? null : newUnique.map((n) => old[oldUnique.indexOf(n)] ?? null);
      plan.writes.set(w.key, { key: w.key, row: packRow(w.row!), uniq });
    });
    applyPlans(ctx, new Map([[next, plan]]));
    return 0;
  };
}

function mapRow(row: StoredRow, map: Op<'alterTable'>['columnMap']): StoredRow {
  return map.map((m) => (typeof m === 'number' ? row[m]! : m.value));
}
