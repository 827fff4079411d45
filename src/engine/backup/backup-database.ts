/**
 * ALTER SYSTEM BACKUP [INCREMENTAL] DATABASE / TENANT = … (statements.md §3.2): resolver, executor and RS checks
 * in the documented order, then the user job (user tenant) or the sys CLUSTER job with its executor tenants.
 */
import type { BackupStatement } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { createSysJob, createUserJob } from './jobs.js';
import type { JobRequest } from './jobs.js';
import { baseSetFor } from './sets.js';
import { ENCRYPTION_MODE_VAR, ENCRYPTION_PASSWD_VAR, parseEncryptionMode } from './encryption.js';
import type { ClusterState, TenantState } from '../state.js';
import { eligibleUserTenants, getTenantIds } from '../tenant/tenant-list.js';
import { SYS_TENANT_ID, backupOf, findTenant } from '../tenant/tenants.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type BackupDatabase = Extract<BackupStatement, { kind: 'BackupDatabase' }>;

const NO_TENANT_MEETS =
  'no tenant meets the backup condition, \uFFFCplease check the tenant status, log archive status, backup data dest, and backup status for each tenant';

function archiveDoing(tenant: TenantState): boolean {
  return backupOf(tenant).rounds.some((r) => r.status === 'DOING');
}

function jobExists(tenant: TenantState, initiatorTenantId: number): boolean {
  return backupOf(tenant).jobs.some((j) => j.initiatorTenantId === initiatorTenantId);
}

/** 6b: an INC on a base set of another data version. */
function crossCompatible(tenant: TenantState, type: 'FULL' | 'INC'): ObError | null {
  const dest = backupOf(tenant).dataBackupDest;
  const base = dest && type === 'INC' ? baseSetFor(tenant, dest.destId) : undefined;
  if (base === undefined || base.tenantCompatible === tenant.compatible) return null;
  return obErrorWith(
    'OB_BACKUP_CAN_NOT_START',
    `cross compatible incremental backup is not supported, previous backup set compatible is ${base.tenantCompatible}, current compatible is ${tenant.compatible}`,
  );
}

/** start_tenant_backup_data_ for a user tenant (checks 1-6, source order). */
function userChecks(tenant: TenantState, type: 'FULL' | 'INC'): ObError | null {
  if (backupOf(tenant).dataBackupDest === null) return obError('OB_BACKUP_CAN_NOT_START');
  if (tenant.status !== 'NORMAL') return obErrorWith('OB_BACKUP_CAN_NOT_START', 'tenant status is not normal.');
  if (jobExists(tenant, tenant.id)) return obError('OB_BACKUP_IN_PROGRESS');
  if (!archiveDoing(tenant)) return obErrorWith('OB_BACKUP_CAN_NOT_START', 'log archive status is not doing.');
  return crossCompatible(tenant, type);
}

/** The per-tenant checks of a sys backup with a list (source order). */
function sysListChecks(tenant: TenantState): ObError | null {
  if (tenant.status !== 'NORMAL') return obErrorWith('OB_BACKUP_CAN_NOT_START', 'tenant status is not normal.');
  if (!archiveDoing(tenant)) return obErrorWith('OB_BACKUP_CAN_NOT_START', 'log archive status is not doing.');
  if (jobExists(tenant, SYS_TENANT_ID)) return obError('OB_BACKUP_IN_PROGRESS');
  if (backupOf(tenant).dataBackupDest === null) return obErrorWith('OB_BACKUP_CAN_NOT_START', 'backup dest is not set.');
  return null;
}

export function backupDatabase(cluster: Cluster, ctx: SessionContext, stmt: BackupDatabase): Outcome {
  const state = cluster.state;
  const isSys = ctx.tenantId === SYS_TENANT_ID;
  // Resolver (R1-R6).
  if (!isSys && stmt.tenantForm) return obErrorWith('OB_NOT_SUPPORTED', 'user tenant cannot specify tenant names');
  if (isSys && stmt.tenantForm && stmt.tenants === null) return obErrorWith('OB_NOT_SUPPORTED', 'No tenant name specified');
  let listed: TenantState[] | null = null;
  if (isSys && stmt.tenantForm && stmt.tenants !== null) {
    const ids = getTenantIds(state, stmt.tenants);
    if (isObError(ids)) return ids;
    listed = ids;
  }
  if (stmt.dest !== null) return obErrorWith('OB_NOT_SUPPORTED', 'backup do not support using specify path');
  if (stmt.description === '') return obError('OB_ERR_PARSER_SYNTAX');
  // Executor (E1-E2).
  const mode = parseEncryptionMode(ctx.variables.get(ENCRYPTION_MODE_VAR) ?? '');
  if (mode === null) return obError('OB_INVALID_ARGUMENT');
  const req: JobRequest = {
    backupType: stmt.incremental ? 'INC' : 'FULL',
    plusArchivelog: stmt.plusArchivelog,
    description: stmt.description ?? '',
    encryptionMode: mode,
    passwd: ctx.variables.get(ENCRYPTION_PASSWD_VAR) ?? '',
  };
  const outcome = isSys ? sysBackup(state, req, listed) : userBackup(state, ctx, req);
  if (!isObError(outcome)) startBackupDataEvent(state, ctx.tenantId);
  return outcome;
}

/**
 * ObBackupDataScheduler::start_backup_data ends with ROOTSERVICE_EVENT_ADD("backup_data", "start_backup_data",
 * "tenant_id", <the issuing tenant>, "result", ret), which obdiag reads. OceanBase writes it for a failed start too;
 * here a rejected statement changes nothing, so only an accepted one leaves the event (result 0).
 */
function startBackupDataEvent(state: ClusterState, tenantId: number): void {
  state.rootserviceEvents.push({
    atUs: state.nowUs,
    module: 'backup_data',
    event: 'start_backup_data',
    values: [['tenant_id', String(tenantId)], ['result', '0']],
  });
}

function userBackup(state: ClusterState, ctx: SessionContext, req: JobRequest): Outcome {
  const tenant = findTenant(state, ctx.tenantId);
  if (!tenant) return obError('OB_ERR_INVALID_TENANT_NAME');
  const failed = userChecks(tenant, req.backupType);
  if (failed) return failed;
  createUserJob(state, tenant, req, null);
  return OK;
}

function sysBackup(state: ClusterState, req: JobRequest, listed: TenantState[] | null): Outcome {
  const sys = findTenant(state, SYS_TENANT_ID)!;
  if (jobExists(sys, SYS_TENANT_ID)) return obError('OB_BACKUP_IN_PROGRESS');
  let executors: TenantState[];
  if (listed !== null) {
    for (const tenant of listed) {
      const failed = sysListChecks(tenant) ?? crossCompatible(tenant, req.backupType);
      if (failed) return failed;
    }
    executors = listed;
  } else {
    executors = eligibleUserTenants(state).filter((t) => sysListChecks(t) === null && crossCompatible(t, req.backupType) === null);
    if (executors.length === 0) return obErrorWith('OB_BACKUP_CAN_NOT_START', NO_TENANT_MEETS);
  }
  createSysJob(state, sys, req, executors);
  return OK;
}
