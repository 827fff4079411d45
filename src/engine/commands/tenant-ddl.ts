/**
 * CREATE / DROP TENANT and CREATE / DROP RESOURCE UNIT / POOL, from the sys tenant. A new tenant gets the next
 * even id, its meta tenant and seeded data; its mode comes from `SET ob_compatibility_mode = 'oracle'`.
 */
import type { BackupStatement, NamedOption } from '../../../grammar/ast.js';
import { obError, obErrorWith } from '../../errors.js';
import { optionText } from './alter-system-set.js';
import type { NamedOptions } from '../state.js';
import { SYS_TENANT_ID, addUserTenant, findTenantByName, removeUserTenant } from '../tenants.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type Ddl = Extract<
  BackupStatement,
  { kind: 'CreateTenant' | 'DropTenant' | 'CreateResourceUnit' | 'DropResourceUnit' | 'CreateResourcePool' | 'DropResourcePool' }
>;

function named(name: string, options: readonly NamedOption[]): NamedOptions {
  return { name, options: options.map((o) => ({ name: o.name.toLowerCase(), value: optionText(o.value) })) };
}

export function tenantDdl(cluster: Cluster, ctx: SessionContext, stmt: Ddl): Outcome {
  const state = cluster.state;
  // Only the sys tenant manages tenants and resources (inferred: the exact error of a user tenant is not recorded).
  if (ctx.tenantId !== SYS_TENANT_ID) return obError('OB_ERR_NO_PRIVILEGE');
  switch (stmt.kind) {
    case 'CreateTenant': {
      if (findTenantByName(state, stmt.name)) return stmt.ifNotExists ? OK : obErrorWith('OB_TENANT_EXIST', stmt.name);
      const mode = stmt.variables.find((v) => v.name.toLowerCase() === 'ob_compatibility_mode');
      const oracle = mode !== undefined && optionText(mode.value).toLowerCase() === 'oracle';
      addUserTenant(state, stmt.name, oracle ? 'ORACLE' : 'MYSQL');
      return OK;
    }
    case 'DropTenant': {
      const tenant = findTenantByName(state, stmt.name);
      if (!tenant) return stmt.ifExists ? OK : obErrorWith('OB_TENANT_NOT_EXIST', stmt.name);
      if (tenant.type !== 'USER') return obError('OB_NOT_SUPPORTED');
      removeUserTenant(state, tenant);
      return OK;
    }
    case 'CreateResourceUnit':
    case 'CreateResourcePool': {
      const unit = stmt.kind === 'CreateResourceUnit';
      const list = unit ? state.resourceUnits : state.resourcePools;
      if (list.some((u) => u.name === stmt.name)) {
        return stmt.ifNotExists ? OK : obErrorWith(unit ? 'OB_RESOURCE_UNIT_EXIST' : 'OB_RESOURCE_POOL_EXIST', stmt.name);
      }
      list.push(named(stmt.name, stmt.options));
      return OK;
    }
    case 'DropResourceUnit':
    case 'DropResourcePool': {
      const unit = stmt.kind === 'DropResourceUnit';
      const list = unit ? state.resourceUnits : state.resourcePools;
      if (!list.some((u) => u.name === stmt.name)) {
        return stmt.ifExists ? OK : obErrorWith(unit ? 'OB_RESOURCE_UNIT_NOT_EXIST' : 'OB_RESOURCE_POOL_NOT_EXIST', stmt.name);
      }
      if (unit) state.resourceUnits = list.filter((u) => u.name !== stmt.name);
      else state.resourcePools = list.filter((u) => u.name !== stmt.name);
      return OK;
    }
  }
}
