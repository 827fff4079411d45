/**
 * A tenant's catalog of user databases and tables, as versions by SCN (state: DataCatalog). Names are stored
 * lower-cased: a MySQL-mode user tenant runs with lower_case_table_names = 1 (INIT_SYS_VARIABLE gives user tenants
 * OB_LOWERCASE_AND_INSENSITIVE; only sys keeps OB_ORIGIN_AND_INSENSITIVE), so `App.T1` and `app.t1` are one table.
 */
import { obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { DataCatalog, DatabaseVersion, TableVersion, TenantData } from '../state.js';

/** OB_MIN_USER_OBJECT_ID: user object ids (databases and tables share the sequence in 4.x) start above it. */
export const MIN_USER_OBJECT_ID = 500_000;
/** ObTabletID::MIN_USER_TABLET_ID (= OB_MAX_INNER_TABLE_ID): user tablet ids start above it. */
export const MIN_USER_TABLET_ID = 200_000;
/**
 * The user databases a new 4.2 MySQL tenant has. `oceanbase`, `information_schema` and `mysql` are system
 * databases (served as views by the catalog); `test` is the one that holds user data.
 */
export const DEFAULT_DATABASES = ['test'] as const;

/**
 * The system databases of a MySQL tenant (the catalog serves them as views): they exist, so CREATE DATABASE of
 * one is 1007, and no DDL may change them (1044, as for a user without privileges on them).
 */
export const SYSTEM_DATABASES: ReadonlySet<string> = new Set(['oceanbase', 'information_schema', 'mysql', '__recyclebin', '__public']);

export function isSystemDatabase(name: string): boolean {
  return SYSTEM_DATABASES.has(name.toLowerCase());
}

/** A fresh catalog: `test`, created with the tenant (SCN 0: it exists at every point a restore can reach). */
export function newCatalog(atUs: number, firstBlock: number): DataCatalog {
  const catalog: DataCatalog = {
    nextObjectId: MIN_USER_OBJECT_ID + 1,
    nextTabletId: MIN_USER_TABLET_ID + 1,
    nextBlock: firstBlock,
    lastCommitScn: 0n,
    databases: [],
    tables: [],
  };
  for (const name of DEFAULT_DATABASES) {
    catalog.databases.push({ id: catalog.nextObjectId++, name, createdScn: 0n, droppedScn: null, createdUs: atUs });
  }
  return catalog;
}

/** The catalog for reading, without creating one (a missing one reads as a fresh catalog). */
export function readCatalog(data: TenantData, tenantCreateUs: number): DataCatalog {
  return data.catalog ?? newCatalog(tenantCreateUs, data.macroBlockCount);
}

export function lower(name: string): string {
  return name.toLowerCase();
}

/** Whether a version exists at `scn` (undefined: the latest state). */
export function visibleAt(v: { createdScn: bigint; droppedScn: bigint | null }, scn: bigint | undefined): boolean {
  if (scn === undefined) return v.droppedScn === null;
  return v.createdScn <= scn && (v.droppedScn === null || v.droppedScn > scn);
}

export function databaseAt(catalog: DataCatalog, name: string, scn?: bigint): DatabaseVersion | undefined {
  const n = lower(name);
  return catalog.databases.find((d) => d.name === n && visibleAt(d, scn));
}

export function tableAt(catalog: DataCatalog, database: string, name: string, scn?: bigint): TableVersion | undefined {
  const db = lower(database);
  const n = lower(name);
  return catalog.tables.find((t) => t.database === db && t.schema.name === n && visibleAt(t, scn));
}

/**
 * 1146 for a table id no longer live (dropped by another session since the statement resolved it): named as it
 * was when its last version is still kept, else by its id.
 */
export function tableGone(catalog: DataCatalog, tableId: number): ObError {
  const last = [...catalog.tables].reverse().find((t) => t.tableId === tableId);
  return last === undefined ? obErrorWith('OB_TABLE_NOT_EXIST', 'unknown', String(tableId)) : obErrorWith('OB_TABLE_NOT_EXIST', last.database, last.schema.name);
}

export function tableByIdAt(catalog: DataCatalog, tableId: number, scn?: bigint): TableVersion | undefined {
  // Newest first: the live version of a table is the last one created for its id.
  for (let i = catalog.tables.length - 1; i >= 0; i--) {
    const t = catalog.tables[i]!;
    if (t.tableId === tableId && visibleAt(t, scn)) return t;
  }
  return undefined;
}
