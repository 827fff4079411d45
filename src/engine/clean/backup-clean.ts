/**
 * T_BACKUP_CLEAN and T_DELETE_POLICY (statements.md §3.4): manual deletion is disabled in 4.2 (every type but
 * CANCEL DELETE is OB_NOT_SUPPORTED); CANCEL DELETE cancels the policy-driven delete jobs (success with none); the
 * delete policy `default` is added or dropped for exactly one tenant, with the resolver's checks in the documented
 * order, and arms or disarms the tenant's clean check (backup-clean-scheduler.ts).
 */
import type { BackupStatement } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import { cancelDeleteJobs, scheduleDeleteCheck } from './scheduler.js';
import type { TenantState } from '../state.js';
import { getTenantIds } from '../tenant/tenant-list.js';
import { SYS_TENANT_ID, backupOf, findTenant } from '../tenant/tenants.js';
import { parseTimeString } from '../cluster/time.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type Clean = Extract<BackupStatement, { kind: 'BackupClean' }>;
type Policy = Extract<BackupStatement, { kind: 'DeletePolicy' }>;

const ONLY_ONE = 'only one tenant name can be specified';

export function backupClean(cluster: Cluster, ctx: SessionContext, stmt: Clean): Outcome {
  const isSys = ctx.tenantId === SYS_TENANT_ID;
  if (!isSys && stmt.tenants !== null) return obErrorWith('OB_NOT_SUPPORTED', 'user tenant cannot specify tenant names');
  const setOrPiece = stmt.action === 'DELETE_BACKUP_SET' || stmt.action === 'DELETE_BACKUP_PIECE';
  if (isSys && stmt.tenants !== null) {
    const ids = getTenantIds(cluster.state, stmt.tenants);
    if (isObError(ids)) return ids;
    if (ids.length === 0) return obErrorWith('OB_NOT_SUPPORTED', 'No valid tenant name given');
    if (setOrPiece && ids.length > 1) return obErrorWith('OB_NOT_SUPPORTED', `Too many tenant names specified, ${ONLY_ONE}`);
  }
  if (isSys && setOrPiece && stmt.tenants === null) return obErrorWith('OB_NOT_SUPPORTED', 'need to specify a tenant name');
  if (stmt.action !== 'CANCEL_DELETE') return obErrorWith('OB_NOT_SUPPORTED', 'function is');
  if (stmt.description === '') return obError('OB_ERR_PARSER_SYNTAX');
  // Policy-driven delete jobs in INIT / DOING go to CANCELING; with no job, CANCEL DELETE succeeds.
  const state = cluster.state;
  let targets: TenantState[];
  if (!isSys) targets = [findTenant(state, ctx.tenantId)].filter((t): t is TenantState => t !== undefined);
  else if (stmt.tenants === null) targets = state.tenants.filter((t) => t.type === 'USER');
  else targets = getTenantIds(state, stmt.tenants) as TenantState[];
  for (const tenant of targets) if (tenant.backup !== null) cancelDeleteJobs(state, tenant);
  return OK;
}

export function deletePolicy(cluster: Cluster, ctx: SessionContext, stmt: Policy): Outcome {
  const isSys = ctx.tenantId === SYS_TENANT_ID;
  if (stmt.name !== 'default') return obErrorWith('OB_NOT_SUPPORTED', "The policy name is not 'default', it is");
  if (!isSys && stmt.tenants !== null) return obErrorWith('OB_NOT_SUPPORTED', 'user tenant cannot specify tenant names');
  if (isSys && stmt.tenants === null) return obErrorWith('OB_NOT_SUPPORTED', `Too little tenant names specified, ${ONLY_ONE}`);
  let target: TenantState | undefined;
  if (isSys && stmt.tenants !== null) {
    if (stmt.tenants.length > 1) return obErrorWith('OB_NOT_SUPPORTED', `Too many tenant names specified, ${ONLY_ONE}`);
    const ids = getTenantIds(cluster.state, stmt.tenants);
    if (isObError(ids)) return ids;
    target = ids[0];
  } else {
    target = findTenant(cluster.state, ctx.tenantId);
  }
  if (stmt.action === 'ADD') {
    if (stmt.recoveryWindow === null && stmt.redundancy === null) {
      return obErrorWith('OB_NOT_SUPPORTED', 'Neither recovery_window nor redundancy is set');
    }
    if (stmt.recoveryWindow !== null && parseTimeString(stmt.recoveryWindow) === null) {
      return obErrorWith('OB_NOT_SUPPORTED', 'recovery window is not be time string');
    }
    if (stmt.redundancy !== null && Number(stmt.redundancy) !== 1) return obErrorWith('OB_NOT_SUPPORTED', 'Redundancy not equal to 1 is');
  }
  if (!target || target.backup === null) return obError('OB_ERR_INVALID_TENANT_NAME');
  const backup = backupOf(target);
  const existing = backup.deletePolicies.find((p) => p.policyName === stmt.name);
  if (stmt.action === 'DROP') {
    if (!existing) return obError('OB_ENTRY_NOT_EXIST');
    backup.deletePolicies = backup.deletePolicies.filter((p) => p !== existing);
    scheduleDeleteCheck(cluster.state, target);
    return OK;
  }
  if (existing) return obError('OB_ERR_PRIMARY_KEY_DUPLICATE');
  backup.deletePolicies.push({
    policyName: stmt.name,
    recoveryWindow: stmt.recoveryWindow ?? '',
    redundancy: stmt.redundancy === null ? 1 : Number(stmt.redundancy),
    backupCopies: stmt.backupCopies === null ? 0 : Number(stmt.backupCopies),
  });
  scheduleDeleteCheck(cluster.state, target);
  return OK;
}
