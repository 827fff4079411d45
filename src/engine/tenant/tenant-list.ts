/**
 * The two tenant-list resolvers of statements.md §5, which behave differently: `getTenantIds` (BACKUP, CANCEL,
 * DELETE, delete policy, BACKUP KEY) and `resolveTenant` (ARCHIVELOG / NOARCHIVELOG).
 */
import { obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { ClusterState, TenantState } from '../state.js';
import { SYS_TENANT_ID, findTenantByName, userTenants } from './tenants.js';

/** §5.1: unknown name → 5160; sys → 4016; duplicates silently dropped; `all` is just a name. */
export function getTenantIds(state: ClusterState, names: readonly string[]): TenantState[] | ObError {
  const out: TenantState[] = [];
  for (const name of names) {
    const tenant = findTenantByName(state, name);
    if (tenant === undefined) return obError('OB_ERR_INVALID_TENANT_NAME');
    if (tenant.id === SYS_TENANT_ID) return obError('OB_ERR_UNEXPECTED');
    if (!out.includes(tenant)) out.push(tenant);
  }
  return out;
}

const SPECIAL = ['all', 'all_user', 'all_meta'];

/**
 * §5.2 from the sys tenant: `all` / `all_user` / `all_meta` are special; an unknown name → 5160; a duplicate →
 * OB_NOT_SUPPORTED `duplicate tenant <name>`; a special name with others → OB_NOT_SUPPORTED. Returns the tenants,
 * or the special word. (From a user tenant every TENANT list is rejected earlier, with OB_ERR_NO_PRIVILEGE.)
 */
export function resolveTenant(state: ClusterState, names: readonly string[]): { special: string | null; tenants: TenantState[] } | ObError {
  const tenants: TenantState[] = [];
  let special: string | null = null;
  for (const name of names) {
    if (SPECIAL.includes(name.toLowerCase())) {
      if (names.length > 1) return obErrorWith('OB_NOT_SUPPORTED', 'all/all_user/all_meta in combination with other names is');
      special = name.toLowerCase();
      continue;
    }
    const tenant = findTenantByName(state, name);
    if (tenant === undefined) return obError('OB_ERR_INVALID_TENANT_NAME');
    if (tenants.includes(tenant)) return obErrorWith('OB_NOT_SUPPORTED', `duplicate tenant ${name} is`);
    tenants.push(tenant);
  }
  return { special, tenants };
}

/** The tenants a sys-wide statement acts on: user tenants that are NORMAL and not in the recycle bin. */
export function eligibleUserTenants(state: ClusterState): TenantState[] {
  return userTenants(state).filter((t) => t.status === 'NORMAL' && t.inRecyclebin === 'NO');
}
