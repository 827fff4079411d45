/**
 * ALTER SYSTEM CANCEL BACKUP [TENANT = …] (statements.md §3.3): live INIT / DOING jobs go to CANCELING, then the
 * scheduler cancels the set task and the job (RESULT OB_CANCELED). Nothing running is a success; either way the
 * rootservice event `cancel_backup_data` is written.
 */
import { isObError, obError } from '../../errors.js';
import { TICK_US, setJobStatus } from './jobs.js';
import type { ClusterState, TenantState } from '../state.js';
import { getTenantIds } from '../tenant/tenant-list.js';
import { SYS_TENANT_ID, findTenant } from '../tenant/tenants.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

export function cancelBackup(cluster: Cluster, ctx: SessionContext, names: readonly string[] | null): Outcome {
  const state = cluster.state;
  let targets: TenantState[];
  if (ctx.tenantId !== SYS_TENANT_ID) {
    if (names !== null) return obError('OB_NOT_SUPPORTED');
    const own = findTenant(state, ctx.tenantId);
    targets = own ? [own] : [];
  } else if (names === null) {
    // Every tenant's jobs, the sys CLUSTER job included.
    targets = state.tenants.filter((t) => t.backup !== null);
  } else {
    const ids = getTenantIds(state, names);
    if (isObError(ids)) return ids;
    targets = ids;
  }
  cancelBackupDataEvent(state, ctx.tenantId, names === null ? [] : targets.map((t) => t.id));
  for (const tenant of targets) {
    if (tenant.status !== 'NORMAL' || tenant.backup === null) continue;
    for (const job of tenant.backup.jobs) {
      if (job.status === 'INIT' || job.status === 'DOING') {
        setJobStatus(state, job, 'CANCELING');
        job.nextAtUs = state.nowUs + TICK_US;
      }
    }
  }
  return OK;
}

/**
 * ObBackupDataScheduler::cancel_backup_data ends with ROOTSERVICE_EVENT_ADD("backup_data", "cancel_backup_data",
 * K(tenant_id), K(backup_tenant_ids)): the issuing tenant and the TENANT = list as an id array (`[]` when none;
 * the `[a, b]` print form of an id array is inferred).
 */
function cancelBackupDataEvent(state: ClusterState, tenantId: number, backupTenantIds: readonly number[]): void {
  state.rootserviceEvents.push({
    atUs: state.nowUs,
    module: 'backup_data',
    event: 'cancel_backup_data',
    values: [['tenant_id', String(tenantId)], ['backup_tenant_ids', `[${backupTenantIds.join(', ')}]`]],
  });
}
