/**
 * executeData: one DataOp for the session's tenant, atomically (checked in full before anything changes, so an
 * error changes nothing), deterministic given the state, the op and the virtual time. Every op that changes
 * something is a commit at one SCN: max(last commit SCN + 1, the SCN of now, the last GTS + 1), so commits order
 * after every SCN handed out before them (a backup's consistent SCN taken in the same microsecond included).
 */
import { InvariantError, isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { syncClock } from '../cluster/cluster.js';
import { scnOfUs } from '../cluster/time.js';
import type { ClusterState, DataCatalog, TenantData, TenantState } from '../state.js';
import { findTenant } from '../tenant/tenants.js';
import type { Cluster, SessionContext } from '../types.js';
import { isSystemDatabase, newCatalog, tableByIdAt, tableGone } from './catalog.js';
import { applyPlans, planWrites } from './commit.js';
import type { DataOp, DataOutcome } from './data-op-types.js';
import { alterTable, createDatabase, createTable, dropDatabase, dropTable, renameTable, truncateTable } from './ddl.js';
import type { Change, Who } from './ddl.js';
import { applyContext } from './apply-context.js';
import { pruneCatalog, retentionScn } from './prune.js';

/** The tenant whose data a session may change: a MySQL-mode user tenant that is a primary. */
function dataTenant(state: ClusterState, ctx: SessionContext): TenantState | ObError {
  const tenant = findTenant(state, ctx.tenantId);
  if (tenant === undefined || tenant.backup === null) return obError('OB_ERR_INVALID_TENANT_NAME');
  // sys and Oracle-mode tenants have no user data in the emulator (OceanBase's sys allows user tables; the
  // emulator keeps sys for administration).
  if (tenant.type !== 'USER') return obErrorWith('OB_NOT_SUPPORTED', 'user data in the sys tenant is');
  if (tenant.compatibilityMode !== 'MYSQL') return obErrorWith('OB_NOT_SUPPORTED', 'user data in an Oracle-mode tenant is');
  return tenant;
}

/** A write off a primary: a standby or restoring tenant is read only (ObSql's check of the tenant role). */
function writable(tenant: TenantState): ObError | null {
  return tenant.role === 'PRIMARY' && tenant.status === 'NORMAL' ? null : obError('OB_STANDBY_READ_ONLY');
}

/** The databases a DDL names (a system one among them refuses the DDL). */
function namedDatabases(op: DataOp): string[] {
  switch (op.op) {
    case 'dropDatabase':
      return [op.name];
    case 'createTable':
    case 'truncateTable':
    case 'alterTable':
      return [op.database];
    case 'dropTable':
      return op.tables.map((t) => t.database);
    case 'renameTable':
      return op.renames.flatMap((r) => [r.from.database, r.to.database]);
    default:
      return [];
  }
}

function checkOp(catalog: DataCatalog, op: DataOp, who: Who): Change | ObError {
  const system = namedDatabases(op).find(isSystemDatabase);
  if (system !== undefined) return obErrorWith('OB_ERR_NO_DB_PRIVILEGE', who.user, '%', system.toLowerCase());
  switch (op.op) {
    case 'createDatabase':
      return createDatabase(catalog, op);
    case 'dropDatabase':
      return dropDatabase(catalog, op);
    case 'createTable':
      return createTable(catalog, op);
    case 'dropTable':
      return dropTable(catalog, op);
    case 'truncateTable':
      return truncateTable(catalog, op);
    case 'renameTable':
      return renameTable(catalog, op);
    case 'alterTable':
      return alterTable(catalog, op);
    case 'commit': {
      const plans = planWrites(catalog, op.writes);
      if (isObError(plans)) return plans;
      // Writes that change nothing (deletes of missing rows) make no commit.
      return [...plans.values()].every((p) => p.writes.size === 0) ? null : (ctx) => applyPlans(ctx, plans);
    }
    case 'reserveAutoIncrement':
      // Handled before the checks (it is not a commit): reaching here is a programmer error.
      throw new InvariantError('reserveAutoIncrement reached checkOp');
  }
}

/** The commit SCN: after the tenant's last commit, the SCN of now and every GTS handed out. */
function commitScn(state: ClusterState, catalog: DataCatalog): bigint {
  let scn = scnOfUs(state.nowUs);
  if (scn <= catalog.lastCommitScn) scn = catalog.lastCommitScn + 1n;
  if (scn <= state.lastGtsScn) scn = state.lastGtsScn + 1n;
  state.lastGtsScn = scn;
  catalog.lastCommitScn = scn;
  return scn;
}

/** Runs one op for the session's tenant, atomically: an error changes nothing. */
export function executeData(cluster: Cluster, ctx: SessionContext, op: DataOp): DataOutcome | ObError {
  syncClock(cluster);
  const state = cluster.state;
  const tenant = dataTenant(state, ctx);
  if (isObError(tenant)) return tenant;
  const denied = writable(tenant);
  if (denied !== null) return denied;
  const data = tenant.backup!.data;
  // A tenant from a snapshot older than the data plane gets its catalog now, installed only if the op passes.
  const catalog = data.catalog ?? newCatalog(tenant.createUs, data.macroBlockCount);
  if (op.op === 'reserveAutoIncrement') return reserveAutoIncrement(data, catalog, op);
  const change = checkOp(catalog, op, ctx);
  if (isObError(change)) return change;
  if (change === null) return { kind: 'data', affectedRows: 0 };
  data.catalog = catalog;
  const keep = retentionScn(state, tenant);
  const scn = commitScn(state, catalog);
  const affectedRows = change(applyContext(state, tenant, catalog, scn, keep !== null));
  pruneCatalog(catalog, keep, touchedStores(catalog, op));
  return { kind: 'data', affectedRows, commitScn: scn };
}

/** The stores a commit wrote (pruned as it goes: a table left alone keeps its last history until written). */
function touchedStores(catalog: DataCatalog, op: DataOp) {
  if (op.op !== 'commit') return catalog.tables.map((t) => t.store);
  const ids = new Set(op.writes.map((w) => w.tableId));
  return catalog.tables.filter((t) => ids.has(t.tableId)).map((t) => t.store);
}

function reserveAutoIncrement(data: TenantData, catalog: DataCatalog, op: Extract<DataOp, { op: 'reserveAutoIncrement' }>): DataOutcome | ObError {
  if (!Number.isInteger(op.count) || op.count < 0) return obErrorWith('OB_INVALID_ARGUMENT', 'auto-increment count');
  const table = tableByIdAt(catalog, op.tableId);
  if (table === undefined) return tableGone(catalog, op.tableId);
  data.catalog = catalog;
  const first = op.atLeast !== undefined && op.atLeast > table.autoIncrementNext ? op.atLeast : table.autoIncrementNext;
  table.autoIncrementNext = first + BigInt(op.count);
  return { kind: 'data', affectedRows: 0, autoIncrement: first };
}
