/**
 * Reads of user data: pure functions of the state (the views layer builds information_schema and the SQL layer
 * its scans from them). A read at `readScn` sees the catalog and rows as they were at that SCN; without one, the
 * latest committed state.
 */
import type { ClusterState, DataCatalog, StoredRow, TableSchema, TableVersion } from '../state.js';
import { findTenant } from '../tenant/tenants.js';
import { databaseAt, readCatalog, tableAt, tableByIdAt, visibleAt } from './catalog.js';
import { entriesAt, packedEntriesAt, rowAt } from './mvcc.js';
import { unpackRow } from './row-codec.js';

export interface UserDatabase {
  readonly id: number;
  readonly name: string;
}

export interface UserTable {
  readonly tableId: number;
  readonly tabletId: number;
  readonly database: string;
  readonly schema: TableSchema;
  readonly createdUs: number;
  readonly autoIncrementNext: bigint;
  /** Rows stored (latest committed), for TABLE_ROWS. */
  readonly rowCount: number;
  /** Bytes of the rows stored (latest committed), for DATA_LENGTH. */
  readonly dataBytes: number;
}

function catalogOf(state: ClusterState, tenantId: number): DataCatalog | undefined {
  const tenant = findTenant(state, tenantId);
  if (tenant === undefined || tenant.backup === null || tenant.type !== 'USER' || tenant.compatibilityMode !== 'MYSQL') return undefined;
  return readCatalog(tenant.backup.data, tenant.createUs);
}

function userTable(t: TableVersion): UserTable {
  return {
    tableId: t.tableId,
    tabletId: t.tabletId,
    database: t.database,
    schema: t.schema,
    createdUs: t.createdUs,
    autoIncrementNext: t.autoIncrementNext,
    rowCount: t.store.rows.size,
    dataBytes: t.store.liveBytes,
  };
}

/** The tenant's user databases (latest), in id order. Sys and Oracle-mode tenants have none. */
export function userDatabases(state: ClusterState, tenantId: number): readonly UserDatabase[] {
  const catalog = catalogOf(state, tenantId);
  if (catalog === undefined) return [];
  return catalog.databases.filter((d) => visibleAt(d, undefined)).map((d) => ({ id: d.id, name: d.name }));
}

/** The tenant's user tables (latest), of one database when given (case-insensitive), in table id order. */
export function userTables(state: ClusterState, tenantId: number, database?: string): readonly UserTable[] {
  const catalog = catalogOf(state, tenantId);
  if (catalog === undefined) return [];
  const db = database?.toLowerCase();
  return catalog.tables
    .filter((t) => t.droppedScn === null && (db === undefined || t.database === db))
    .sort((a, b) => a.tableId - b.tableId)
    .map(userTable);
}

export function findUserDatabase(state: ClusterState, tenantId: number, name: string): UserDatabase | undefined {
  const catalog = catalogOf(state, tenantId);
  const d = catalog === undefined ? undefined : databaseAt(catalog, name);
  return d === undefined ? undefined : { id: d.id, name: d.name };
}

export function findUserTable(state: ClusterState, tenantId: number, database: string, name: string): UserTable | undefined {
  const catalog = catalogOf(state, tenantId);
  const t = catalog === undefined ? undefined : tableAt(catalog, database, name);
  return t === undefined ? undefined : userTable(t);
}

function storeAt(state: ClusterState, tenantId: number, tableId: number, readScn: bigint | undefined) {
  const catalog = catalogOf(state, tenantId);
  return catalog === undefined ? undefined : tableByIdAt(catalog, tableId, readScn)?.store;
}

/** The rows visible at readScn (undefined: the latest committed) with their primary keys, in key order. */
export function* scanKeyed(state: ClusterState, tenantId: number, tableId: number, readScn?: bigint): Generator<readonly [string, StoredRow]> {
  const store = storeAt(state, tenantId, tableId, readScn);
  if (store !== undefined) yield* entriesAt(store, readScn);
}

/** The rows visible at readScn (undefined: the latest committed), in primary-key order. */
export function* scanRows(state: ClusterState, tenantId: number, tableId: number, readScn?: bigint): Generator<StoredRow> {
  const store = storeAt(state, tenantId, tableId, readScn);
  if (store === undefined) return;
  // One generator over the packed rows, not three stacked: a full scan is the SELECT path's hot loop.
  for (const [, packed] of packedEntriesAt(store, readScn)) yield unpackRow(packed);
}

export function getRow(state: ClusterState, tenantId: number, tableId: number, key: string, readScn?: bigint): StoredRow | undefined {
  const store = storeAt(state, tenantId, tableId, readScn);
  return store === undefined ? undefined : rowAt(store, key, readScn);
}

/** The primary key of the row holding a unique index key, latest committed (the SQL layer's statement-time checks). */
export function lookupUnique(state: ClusterState, tenantId: number, tableId: number, index: string, key: string): string | undefined {
  return storeAt(state, tenantId, tableId, undefined)?.unique.get(index)?.get(key);
}
