/**
 * User tables (issue 20) as the query evaluator's tables: the engine's rows of a MySQL-mode user tenant, read
 * latest committed, with the session's own uncommitted writes laid over them (read your own writes inside a
 * transaction, read committed for everything else). Stored values are primitives (engine state.ts); here they
 * become the evaluator's typed values: DECIMAL text a Decimal, DATE / DATETIME / TIMESTAMP micros a Temporal.
 * https://en.oceanbase.com/docs/common-oceanbase-database-10000000001103647 (MySQL-mode data types)
 */
import { getRow, lookupUnique, scanKeyed, type ClusterState, type ColumnType, type StoredRow, type StoredValue, type TableSchema, type UserTable } from '../engine/index.js';
import { Decimal, Temporal, type ColumnDef, type SqlValue } from '../result.js';
import type { Row, UserTableAccess, ViewTable } from './types.js';

/** One uncommitted row of the session: null is a delete; uniqueKeys as the commit will carry them. */
export interface PendingRow {
  readonly row: StoredRow | null;
  readonly uniqueKeys?: readonly ({ readonly index: string; readonly key: string; readonly display: string } | null)[];
}

/** The session's uncommitted writes, per table (the session's transaction implements it). */
export interface PendingWrites {
  /** The table's pending rows by primary key, or undefined when it has none. */
  rows(tableId: number): ReadonlyMap<string, PendingRow> | undefined;
  /** The primary key of the pending row holding `key` in unique index `index`, if any. */
  uniqueHolder(tableId: number, index: string, key: string): string | undefined;
}

const columnDefs = new WeakMap<TableSchema, readonly ColumnDef[]>();

/** The column definitions of a table: one array per schema object, so a kept plan sees the same list again. */
export function columnDefsOf(schema: TableSchema, database: string): readonly ColumnDef[] {
  let defs = columnDefs.get(schema);
  if (defs === undefined) {
    defs = schema.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, table: schema.name, orgTable: schema.name, orgName: c.name, schema: database }));
    columnDefs.set(schema, defs);
  }
  return defs;
}

/**
 * DATE and DATETIME are kept as their wall clock (micros of the wall clock read as UTC), as MySQL keeps them: no
 * zone. The evaluator's times are instants, shown in the session's zone; this turns a wall clock into the instant
 * that shows it there (the session builds it from the zone rules, query/dml/store-value.ts).
 */
export type WallToInstant = (wallMicros: bigint) => bigint;

const AS_IS: WallToInstant = (w) => w;

/** A stored value as the evaluator's value of its column type; `fromWall` places DATE and DATETIME in the session's zone. */
export function sqlValueOf(type: ColumnType, v: StoredValue, fromWall: WallToInstant = AS_IS): SqlValue {
  if (v === null) return null;
  switch (type.base) {
    case 'decimal':
      return typeof v === 'string' ? decimalOf(v) : v;
    case 'date':
      return typeof v === 'bigint' ? new Temporal('DATE', fromWall(v)) : v;
    case 'datetime':
      return typeof v === 'bigint' ? new Temporal('DATETIME', fromWall(v)) : v;
    case 'timestamp':
      return typeof v === 'bigint' ? new Temporal('TIMESTAMP', v) : v;
    default:
      return v;
  }
}

/** `-12.340` as Decimal(-12340, 3): the canonical text the SQL layer stores. */
function decimalOf(text: string): Decimal {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = body.split('.');
  const unscaled = BigInt(`${whole}${fraction}` || '0');
  return new Decimal(negative ? -unscaled : unscaled, fraction.length);
}

/** A stored row as the evaluator's row. */
export function sqlRowOf(schema: TableSchema, row: StoredRow, fromWall: WallToInstant = AS_IS): Row {
  const out: SqlValue[] = new Array(row.length);
  for (let i = 0; i < row.length; i++) out[i] = sqlValueOf((schema.columns[i] as { type: ColumnType }).type, row[i] ?? null, fromWall);
  return out;
}

/** The committed rows in key order with the pending ones merged in (pending wins; a pending null removes). */
function* mergedEntries(state: ClusterState, tenantId: number, tableId: number, pending: ReadonlyMap<string, PendingRow> | undefined): Generator<readonly [string, StoredRow]> {
  if (pending === undefined || pending.size === 0) {
    yield* scanKeyed(state, tenantId, tableId);
    return;
  }
  const extra = [...pending.keys()].sort();
  let next = 0;
  for (const [key, row] of scanKeyed(state, tenantId, tableId)) {
    while (next < extra.length && (extra[next] as string) < key) {
      const k = extra[next++] as string;
      const p = (pending.get(k) as PendingRow).row;
      if (p !== null) yield [k, p];
    }
    if (next < extra.length && extra[next] === key) next++;
    const p = pending.get(key);
    if (p === undefined) yield [key, row];
    else if (p.row !== null) yield [key, p.row];
  }
  while (next < extra.length) {
    const k = extra[next++] as string;
    const p = (pending.get(k) as PendingRow).row;
    if (p !== null) yield [k, p];
  }
}

/** A user table as the evaluator reads it, at the state as it is when its rows are asked for. */
export function bindUserTable(state: ClusterState, tenantId: number, t: UserTable, pending: PendingWrites | undefined, fromWall: WallToInstant = AS_IS): ViewTable {
  const { schema, tableId } = t;
  const columns = columnDefsOf(schema, t.database);
  const entries = (): Iterable<readonly [string, StoredRow]> => mergedEntries(state, tenantId, tableId, pending?.rows(tableId));
  const user: UserTableAccess = {
    tableId,
    tabletId: t.tabletId,
    database: t.database,
    schema,
    autoIncrementNext: t.autoIncrementNext,
    createdUs: t.createdUs,
    rowCount: t.rowCount,
    dataBytes: t.dataBytes,
    entries,
    get(key) {
      const p = pending?.rows(tableId)?.get(key);
      if (p !== undefined) return p.row ?? undefined;
      return getRow(state, tenantId, tableId, key);
    },
    unique(index, key) {
      const mine = pending?.uniqueHolder(tableId, index, key);
      if (mine !== undefined) return mine;
      const committed = lookupUnique(state, tenantId, tableId, index, key);
      // A committed holder the session has since changed or deleted no longer holds the key (or it was found above).
      if (committed === undefined || pending?.rows(tableId)?.has(committed) === true) return undefined;
      return committed;
    },
  };
  // The same reads as DML's: the session's pending row wins over the committed one, a pending delete hides it.
  const keyLookup = {
    schema,
    rows(index: string | undefined, keys: readonly string[]): Row[] {
      const pks = new Set<string>();
      for (const key of keys) {
        const pk = index === undefined ? key : user.unique(index, key);
        if (pk !== undefined) pks.add(pk);
      }
      // Primary keys sort as the rows do (the engine's order, and mergedEntries'), so the rows come as rows() gives them.
      const out: Row[] = [];
      for (const pk of [...pks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const row = user.get(pk);
        if (row !== undefined) out.push(sqlRowOf(schema, row, fromWall));
      }
      return out;
    },
  };
  return {
    name: schema.name,
    columns,
    kind: 'BASE TABLE',
    rows: function* () {
      for (const [, row] of entries()) yield sqlRowOf(schema, row, fromWall);
    },
    keyLookup,
    user,
  };
}
