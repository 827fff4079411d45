/**
 * CREATE / DROP TENANT and CREATE / DROP RESOURCE UNIT / POOL, from the sys tenant. A new tenant gets the next
 * even id, its meta tenant and seeded data; its mode comes from `SET ob_compatibility_mode = 'oracle'`; the pools
 * of its resource_pool_list are granted to it (without one it gets its own, tenant/resources.ts). Unit and pool
 * names are checked against every unit and pool, the built-in sys_unit_config and sys_pool included. Dropping a tenant being restored ends that restore (its progress
 * rows go, a FAIL history row stays) and frees its pools.
 */
import type { NamedOption, TenantStatement } from '../../../grammar/ast.js';
import { obError, obErrorWith } from '../../errors.js';
import { optionText } from '../dest/alter-system-set.js';
import { abortRestore, liveRestoreOf } from '../restore/scheduler.js';
import type { ClusterState, NamedOptions } from '../state.js';
import { provisionTenantResources } from './resources.js';
import { SYS_TENANT_ID, addUserTenant, findTenantByName, removeUserTenant } from './tenants.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type Ddl = TenantStatement;

function named(name: string, options: readonly NamedOption[]): NamedOptions {
  return { name, options: options.map((o) => ({ name: o.name.toLowerCase(), value: optionText(o.value) })) };
}

/** The names in a pool list option (`resource_pool_list = ('p1', 'p2')`, `'p1,p2'`). */
function poolNames(text: string): string[] {
  return text
    .replace(/[()'"`]/g, '')
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A unit's name as a pool option gives it (`unit = 'uc1'`, `` unit = `uc1` ``). */
function unquote(text: string): string {
  return text.replace(/^['"`]|['"`]$/g, '');
}

export function tenantDdl(cluster: Cluster, ctx: SessionContext, stmt: Ddl): Outcome {
  // Only the sys tenant manages tenants and resources (inferred: the exact error of a user tenant is not recorded).
  if (ctx.tenantId !== SYS_TENANT_ID) return obError('OB_ERR_NO_PRIVILEGE');
  switch (stmt.kind) {
    case 'CreateTenant':
      return createTenant(cluster.state, stmt);
    case 'DropTenant': {
      const state = cluster.state;
      const tenant = findTenantByName(state, stmt.name);
      if (!tenant) return stmt.ifExists ? OK : obErrorWith('OB_TENANT_NOT_EXIST', stmt.name);
      if (tenant.type !== 'USER') return obError('OB_NOT_SUPPORTED');
      const restore = liveRestoreOf(state, tenant.id);
      if (restore !== undefined) abortRestore(state, restore, `restore of tenant ${tenant.name} canceled: the tenant was dropped`);
      else removeUserTenant(state, tenant);
      return OK;
    }
    case 'CreateResourceUnit':
    case 'CreateResourcePool':
      return createResource(cluster.state, stmt);
    case 'DropResourceUnit':
    case 'DropResourcePool':
      return dropResource(cluster.state, stmt);
  }
}

function createTenant(state: ClusterState, stmt: Extract<Ddl, { kind: 'CreateTenant' }>): Outcome {
  if (findTenantByName(state, stmt.name)) return stmt.ifNotExists ? OK : obErrorWith('OB_TENANT_EXIST', stmt.name);
  const listOption = stmt.options.find((o) => o.name.toLowerCase() === 'resource_pool_list');
  const pools = listOption === undefined ? [] : poolNames(optionText(listOption.value));
  for (const name of pools) {
    const pool = state.resourcePools.find((p) => p.name === name);
    if (pool === undefined) return obErrorWith('OB_RESOURCE_POOL_NOT_EXIST', name);
    if (pool.tenantId !== null) return obErrorWith('OB_RESOURCE_POOL_ALREADY_GRANTED', name);
  }
  const mode = stmt.variables.find((v) => v.name.toLowerCase() === 'ob_compatibility_mode');
  const oracle = mode !== undefined && optionText(mode.value).toLowerCase() === 'oracle';
  const tenant = addUserTenant(state, stmt.name, oracle ? 'ORACLE' : 'MYSQL');
  if (pools.length === 0) provisionTenantResources(state, tenant);
  for (const pool of state.resourcePools) {
    if (pools.includes(pool.name)) {
      pool.tenantId = tenant.id;
      pool.modifyUs = state.nowUs;
    }
  }
  return OK;
}

function createResource(state: ClusterState, stmt: Extract<Ddl, { kind: 'CreateResourceUnit' | 'CreateResourcePool' }>): Outcome {
  const unit = stmt.kind === 'CreateResourceUnit';
  const list: NamedOptions[] = unit ? state.resourceUnits : state.resourcePools;
  if (list.some((u) => u.name === stmt.name)) {
    return stmt.ifNotExists ? OK : obErrorWith(unit ? 'OB_RESOURCE_UNIT_EXIST' : 'OB_RESOURCE_POOL_EXIST', stmt.name);
  }
  const base = { ...named(stmt.name, stmt.options), createUs: state.nowUs, modifyUs: state.nowUs };
  if (unit) {
    state.resourceUnits.push({ ...base, id: state.nextUnitConfigId++ });
    return OK;
  }
  const unitName = base.options.find((o) => o.name === 'unit')?.value;
  if (unitName !== undefined && !state.resourceUnits.some((u) => u.name === unquote(unitName))) {
    return obErrorWith('OB_RESOURCE_UNIT_NOT_EXIST', unquote(unitName));
  }
  state.resourcePools.push({ ...base, id: state.nextResourcePoolId++, tenantId: null });
  return OK;
}

function dropResource(state: ClusterState, stmt: Extract<Ddl, { kind: 'DropResourceUnit' | 'DropResourcePool' }>): Outcome {
  if (stmt.kind === 'DropResourceUnit') {
    if (!state.resourceUnits.some((u) => u.name === stmt.name)) return stmt.ifExists ? OK : obErrorWith('OB_RESOURCE_UNIT_NOT_EXIST', stmt.name);
    const used = state.resourcePools.some((p) => p.options.some((o) => o.name === 'unit' && unquote(o.value) === stmt.name));
    if (used) return obErrorWith('OB_RESOURCE_UNIT_IS_REFERENCED', stmt.name);
    state.resourceUnits = state.resourceUnits.filter((u) => u.name !== stmt.name);
    return OK;
  }
  const pool = state.resourcePools.find((p) => p.name === stmt.name);
  if (pool === undefined) return stmt.ifExists ? OK : obErrorWith('OB_RESOURCE_POOL_NOT_EXIST', stmt.name);
  if (pool.tenantId !== null) return obErrorWith('OB_RESOURCE_POOL_ALREADY_GRANTED', stmt.name);
  state.resourcePools = state.resourcePools.filter((p) => p !== pool);
  return OK;
}
