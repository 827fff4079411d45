/**
 * The catalog the query evaluator reads for one statement: `createCatalog(state, nowUs, tenantId)` binds the views
 * to the engine state, the virtual now and the session tenant. Names resolve case-insensitively in database
 * `oceanbase` (back-quotes and the `oceanbase.` prefix are the parser's business). A CDB_ view or a sys-only table
 * from a user tenant is absent, so the evaluator answers 1146 as OceanBase does.
 *
 * SHOW DATABASES: sys lists what a 4.x sys tenant shows (its Oracle-compatibility schemas LBACSYS, ORAAUDITOR and SYS
 * included); a user tenant lists information_schema, mysql, oceanbase and test (from 4.x sessions as documented in
 * OceanBase's quick-start output; not re-verified in source). Only `oceanbase` holds modelled tables; the others
 * exist with no tables listed.
 *
 * A MySQL-mode user tenant's own databases (`test` and what CREATE DATABASE made) come from the engine and hold
 * its user tables (user-tables.ts); a name without a schema is looked up in the current database first, then
 * among the views, so `SELECT … FROM DBA_OB_…` keeps working from any database.
 */
import { findUserTable, userDatabases, userTables, type ClusterState } from '../engine/index.js';
import { SYS_TENANT_ID } from './read.js';
import { VIEW_DEFS, viewDef } from './registry.js';
import type { ViewCatalog, ViewContext, ViewDef, ViewTable } from './types.js';
import { bindUserTable, type PendingWrites, type WallToInstant } from './user-tables.js';

export const OCEANBASE_DATABASE = 'oceanbase';

const SYS_DATABASES = ['information_schema', 'LBACSYS', 'mysql', 'oceanbase', 'ORAAUDITOR', 'SYS', 'test'];
const USER_DATABASES = ['information_schema', 'mysql', 'oceanbase', 'test'];
/** The system databases a MySQL-mode user tenant has beside its own (which the engine lists, `test` among them). */
const USER_SYSTEM_DATABASES = ['information_schema', 'mysql', 'oceanbase'];

function visible(def: ViewDef, tenantId: number): boolean {
  return def.visibility === 'all' || tenantId === SYS_TENANT_ID;
}

/** A table bound to one context; rows are computed on each call, from the state as it is then. */
function bind(def: ViewDef, ctx: ViewContext): ViewTable {
  const key = def.keyOrder;
  if (key === undefined) return { name: def.name, columns: def.columns, kind: def.kind, rows: () => def.rows(ctx) };
  const keyOrder = { column: key.column, rowsAscending: () => key.rowsAscending(ctx) };
  return { name: def.name, columns: def.columns, kind: def.kind, rows: () => def.rows(ctx), keyOrder };
}

/**
 * The catalog of one tenant at one instant. `database` is the session's current database (where a table named
 * without a schema is looked for first); `pending` the session's uncommitted writes, laid over the user tables;
 * `fromWall` shows their DATE and DATETIME values in the session's zone.
 */
export function createCatalog(state: ClusterState, nowUs: number, tenantId: number, database?: string, pending?: PendingWrites, fromWall?: WallToInstant): ViewCatalog {
  const ctx: ViewContext = { state, nowUs, tenantId };
  const userDbs = (): readonly string[] => (tenantId === SYS_TENANT_ID ? [] : userDatabases(state, tenantId).map((d) => d.name));
  const databases = (): readonly string[] => {
    if (tenantId === SYS_TENANT_ID) return SYS_DATABASES;
    const own = userDbs();
    // An Oracle-mode tenant has no MySQL databases of its own: the list it always showed.
    if (own.length === 0) return USER_DATABASES;
    return [...USER_SYSTEM_DATABASES, ...own].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  };
  const known = (db: string): string | undefined => databases().find((d) => d.toLowerCase() === db.toLowerCase());
  const isUserDb = (db: string): boolean => userDbs().includes(db.toLowerCase());
  const userTable = (db: string, name: string): ViewTable | undefined => {
    if (!isUserDb(db)) return undefined;
    const t = findUserTable(state, tenantId, db, name);
    return t === undefined ? undefined : bindUserTable(state, tenantId, t, pending, fromWall);
  };
  const view = (name: string): ViewTable | undefined => {
    const def = viewDef(name);
    return def !== undefined && visible(def, tenantId) ? bind(def, ctx) : undefined;
  };
  return {
    resolve(schema, name) {
      if (schema === undefined) return (database === undefined ? undefined : userTable(database, name)) ?? view(name);
      if (schema.toLowerCase() === OCEANBASE_DATABASE) return view(name);
      return userTable(schema, name);
    },
    databases,
    tables(db) {
      const found = known(db);
      if (found === undefined) return undefined;
      if (found === OCEANBASE_DATABASE) return VIEW_DEFS.filter((d) => visible(d, tenantId)).map((d) => bind(d, ctx));
      if (!isUserDb(found)) return [];
      return userTables(state, tenantId, found).map((t) => bindUserTable(state, tenantId, t, pending, fromWall));
    },
  };
}
