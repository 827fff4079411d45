/**
 * ALTER SYSTEM ARCHIVELOG / NOARCHIVELOG (statements.md §3.1): flips the tenants' LOG_MODE; the archive scheduler
 * then starts or stops rounds. From sys, ARCHIVELOG swallows every per-tenant error, and NOARCHIVELOG returns the
 * last tenant's result (the loop overwrites `ret`): both quirks are OceanBase's.
 */
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { wakeArchiveScheduler } from './dest-param.js';
import type { ClusterState, TenantState } from '../state.js';
import { eligibleUserTenants, resolveTenant } from '../tenant/tenant-list.js';
import { SYS_TENANT_ID, findTenant } from '../tenant/tenants.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

/** ObArchiveHandler for one tenant: open or close its archive mode. */
function switchMode(state: ClusterState, tenant: TenantState, enable: boolean): ObError | null {
  // Only user tenants archive; the sys tenant named in a list is refused (inferred: not confirmed in source).
  if (tenant.type !== 'USER') return obError('OB_NOT_SUPPORTED');
  if (tenant.status !== 'NORMAL') return obError('OB_CANNOT_START_LOG_ARCHIVE_BACKUP');
  if (enable && tenant.logMode === 'ARCHIVELOG') return obError('OB_ALREADY_IN_ARCHIVE_MODE');
  if (!enable && tenant.logMode === 'NOARCHIVELOG') return obError('OB_ALREADY_IN_NOARCHIVE_MODE');
  tenant.logMode = enable ? 'ARCHIVELOG' : 'NOARCHIVELOG';
  wakeArchiveScheduler(state, tenant);
  return null;
}

export function archiveLog(cluster: Cluster, ctx: SessionContext, enable: boolean, names: readonly string[] | null): Outcome {
  const state = cluster.state;
  if (ctx.tenantId !== SYS_TENANT_ID) {
    if (names !== null) return obError('OB_ERR_NO_PRIVILEGE');
    const own = findTenant(state, ctx.tenantId);
    if (!own) return obError('OB_ERR_INVALID_TENANT_NAME');
    return switchMode(state, own, enable) ?? OK;
  }
  let targets: TenantState[];
  if (names === null) {
    targets = eligibleUserTenants(state);
  } else {
    const resolved = resolveTenant(state, names);
    if (isObError(resolved)) return resolved;
    if (resolved.special === 'all_user' || resolved.special === 'all_meta') {
      return obErrorWith('OB_NOT_SUPPORTED', "use all_user/all_meta in 'ALTER SYSTEM ARCHIVELOG' syntax is");
    }
    targets = resolved.special === 'all' ? eligibleUserTenants(state) : resolved.tenants;
    if (resolved.special === null && targets.length === 0) return obErrorWith('OB_NOT_SUPPORTED', 'No valid tenant name given');
  }
  let last: ObError | null = null;
  for (const tenant of targets) last = switchMode(state, tenant, enable);
  if (enable) return OK;
  return last ?? OK;
}
