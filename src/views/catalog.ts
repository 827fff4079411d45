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
 */
import type { ClusterState } from '../engine/index.js';
import { SYS_TENANT_ID } from './read.js';
import { VIEW_DEFS, viewDef } from './registry.js';
import type { ViewCatalog, ViewContext, ViewDef, ViewTable } from './types.js';

export const OCEANBASE_DATABASE = 'oceanbase';

const SYS_DATABASES = ['information_schema', 'LBACSYS', 'mysql', 'oceanbase', 'ORAAUDITOR', 'SYS', 'test'];
const USER_DATABASES = ['information_schema', 'mysql', 'oceanbase', 'test'];

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

export function createCatalog(state: ClusterState, nowUs: number, tenantId: number): ViewCatalog {
  const ctx: ViewContext = { state, nowUs, tenantId };
  const databases = tenantId === SYS_TENANT_ID ? SYS_DATABASES : USER_DATABASES;
  const known = (db: string): string | undefined => databases.find((d) => d.toLowerCase() === db.toLowerCase());
  return {
    resolve(schema, name) {
      if (schema !== undefined && schema.toLowerCase() !== OCEANBASE_DATABASE) return undefined;
      const def = viewDef(name);
      return def !== undefined && visible(def, tenantId) ? bind(def, ctx) : undefined;
    },
    databases: () => databases,
    tables(database) {
      const db = known(database);
      if (db === undefined) return undefined;
      if (db !== OCEANBASE_DATABASE) return [];
      return VIEW_DEFS.filter((d) => visible(d, tenantId)).map((d) => bind(d, ctx));
    },
  };
}
