/**
 * ALTER SYSTEM [SET] p = v [TENANT = x], … (statements.md §4): backup parameters (data_backup_dest,
 * log_archive_dest[_n], log_archive_dest_state[_n], log_restore_source), and every other parameter OceanBase 4.2
 * defines (src/engine/parameters: the tenant parameters the backup engine reads, ha_low_thread_score,
 * ha_high_thread_score, log_archive_concurrency, archive_lag_target, stay typed; the rest are stored and shown).
 * Every item is checked before any is applied, so a rejected statement changes nothing.
 *
 * Checked (ObAdminSetConfig::verify_config, oceanbase/oceanbase rootserver/ob_system_admin_util.cpp): a value out
 * of its range fails `ci->check()` → OB_INVALID_CONFIG with no user message (`Invalid config`); an unknown name →
 * OB_ERR_SYS_CONFIG_UNKNOWN; from sys, TENANT = all / all_user means all user tenants (4.2.1+), all_meta the meta
 * tenants, and an unknown name OB_ERR_INVALID_TENANT_NAME.
 */
import type { BackupStatement, OptionValue } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import {
  archiveDestNo,
  archiveRunningOn,
  parseArchiveDestValue,
  parseDestState,
  wakeArchiveScheduler,
} from '../archive/dest-param.js';
import { parseDest } from './parse.js';
import { checkDestValidity, registerDest, setParameterRow } from './register.js';
import type { ClusterState, TenantState } from '../state.js';
import { isValidParameterValue, parseIntLikeOceanBase } from '../parameters/check.js';
import { findParameter } from '../parameters/table.js';
import { SYS_TENANT_ID, backupOf, findTenant, findTenantByName, userTenants } from '../tenant/tenants.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type Item = Extract<BackupStatement, { kind: 'AlterSystemSet' }>['items'][number];

export function optionText(value: OptionValue): string {
  switch (value.kind) {
    case 'StringValue':
      return value.value;
    case 'NumberValue':
      return value.text;
    case 'WordValue':
      return value.word;
    case 'ListValue':
      return value.items.map(optionText).join(',');
  }
}

/** The tenant parameters the engine reads, kept typed on TenantParameters; every other one goes to `other`. */
const TYPED_INT = ['ha_low_thread_score', 'ha_high_thread_score', 'log_archive_concurrency'] as const;
type TypedInt = (typeof TYPED_INT)[number];

function isBackupParameter(name: string): boolean {
  return (
    name === 'data_backup_dest' ||
    name === 'log_restore_source' ||
    archiveDestNo(name, 'log_archive_dest') !== null ||
    archiveDestNo(name, 'log_archive_dest_state') !== null
  );
}

export function alterSystemSet(cluster: Cluster, ctx: SessionContext, items: readonly Item[]): Outcome {
  const state = cluster.state;
  if (ctx.tenantId !== SYS_TENANT_ID && items.some((i) => i.tenant !== undefined)) return obError('OB_ERR_NO_PRIVILEGE');
  const backupFlags = items.map((i) => isBackupParameter(i.name.toLowerCase()));
  if (backupFlags.includes(true) && backupFlags.includes(false)) {
    return obErrorWith('OB_NOT_SUPPORTED', 'backup configuration items cannot be set together with non data backup configuration items');
  }
  const actions: (() => void)[] = [];
  for (const item of items) {
    const action = planItem(state, ctx, item);
    if (isObError(action)) return action;
    actions.push(action);
  }
  for (const apply of actions) apply();
  return OK;
}

function planItem(state: ClusterState, ctx: SessionContext, item: Item): (() => void) | ObError {
  const name = item.name.toLowerCase();
  const value = optionText(item.value);
  if (isBackupParameter(name)) {
    const target = backupTarget(state, ctx, item.tenant);
    if (isObError(target)) return target;
    return planBackupParameter(state, target, name, value);
  }
  return planParameter(state, ctx, item, name, value);
}

/**
 * Any other parameter of ob_parameter_seed.ipp, in verify_config's order: the resolver refuses cluster_id and,
 * from a client session, _trace_control_info (OB_OP_NOT_ALLOW "alter the parameter …"); a user tenant, or sys with TENANT = …, looks the name up
 * among the tenant parameters only, so a cluster parameter there is as unknown as a name OceanBase does not have
 * (OB_ERR_SYS_CONFIG_UNKNOWN); a READONLY parameter and a value the item will not take are OB_INVALID_CONFIG
 * (`Invalid config`, no user message).
 */
function planParameter(state: ClusterState, ctx: SessionContext, item: Item, name: string, value: string): (() => void) | ObError {
  if (name === 'cluster_id' || name === '_trace_control_info') return obErrorWith('OB_OP_NOT_ALLOW', `alter the parameter ${name}`);
  const def = findParameter(name);
  const tenantLevel = ctx.tenantId !== SYS_TENANT_ID || item.tenant !== undefined;
  if (def === undefined || (tenantLevel && def.scope === 'CLUSTER')) return obError('OB_ERR_SYS_CONFIG_UNKNOWN');
  const targets = def.scope === 'TENANT' ? parameterTargets(state, ctx, item.tenant) : [];
  if (isObError(targets)) return targets;
  if (def.editLevel === 'READONLY' || !isValidParameterValue(def, value)) return obError('OB_INVALID_CONFIG');
  if (def.scope === 'CLUSTER') {
    return () => {
      state.parameters[name] = value;
    };
  }
  return () => {
    for (const t of targets) {
      setTenantParameter(t, name, value);
      t.modifyUs = state.nowUs;
    }
  };
}

function setTenantParameter(t: TenantState, name: string, value: string): void {
  const typed = TYPED_INT.find((n) => n === name);
  if (typed !== undefined) t.parameters[typed satisfies TypedInt] = Number(parseIntLikeOceanBase(value));
  else if (name === 'archive_lag_target') t.parameters.archive_lag_target = value;
  else t.parameters.other[name] = value;
}

/** The tenant a backup parameter is set for: the session's tenant, or TENANT = x from sys. */
function backupTarget(state: ClusterState, ctx: SessionContext, tenantName: string | undefined): TenantState | ObError {
  if (tenantName === undefined) {
    const own = findTenant(state, ctx.tenantId);
    return own ?? obError('OB_ERR_INVALID_TENANT_NAME');
  }
  return findTenantByName(state, tenantName) ?? obError('OB_ERR_INVALID_TENANT_NAME');
}

/** The tenants a tenant parameter is set for (statements.md §4.7). */
function parameterTargets(state: ClusterState, ctx: SessionContext, tenantName: string | undefined): TenantState[] | ObError {
  if (tenantName === undefined) {
    const own = findTenant(state, ctx.tenantId);
    return own ? [own] : obError('OB_ERR_INVALID_TENANT_NAME');
  }
  const lower = tenantName.toLowerCase();
  if (lower === 'all' || lower === 'all_user') return userTenants(state);
  if (lower === 'all_meta') return state.tenants.filter((t) => t.type === 'META');
  const tenant = findTenantByName(state, tenantName);
  return tenant ? [tenant] : obError('OB_ERR_INVALID_TENANT_NAME');
}

function planBackupParameter(state: ClusterState, tenant: TenantState, name: string, value: string): (() => void) | ObError {
  if (name === 'data_backup_dest') return planDataBackupDest(state, tenant, value);
  const destNo = archiveDestNo(name, 'log_archive_dest');
  if (destNo !== null) return planArchiveDest(state, tenant, name, destNo, value);
  const stateNo = archiveDestNo(name, 'log_archive_dest_state');
  if (stateNo !== null) {
    const destState = parseDestState(value);
    if (isObError(destState)) return destState;
    if (tenant.id === SYS_TENANT_ID) return obError('OB_NOT_SUPPORTED');
    return () => {
      const backup = backupOf(tenant);
      backup.archiveDestStates = backup.archiveDestStates.filter((s) => s.destNo !== stateNo);
      backup.archiveDestStates.push({ destNo: stateNo, state: destState });
      backup.archiveDestStates.sort((a, b) => a.destNo - b.destNo);
      wakeArchiveScheduler(state, tenant);
    };
  }
  const source = parseLogRestoreSource(value);
  if (isObError(source)) return source;
  if (tenant.id === SYS_TENANT_ID) return obError('OB_NOT_SUPPORTED');
  return () => {
    backupOf(tenant).logRestoreSource = source;
  };
}

/**
 * log_restore_source (statements.md §4.6, clients.md §7): `LOCATION=<archive uri>` or `SERVICE=ip:port[;ip:port]
 * USER=user@tenant PASSWORD=pwd`; '' clears it. Anything else: OB_INVALID_ARGUMENT (source).
 */
export function parseLogRestoreSource(value: string): { type: 'LOCATION' | 'SERVICE'; value: string } | null | ObError {
  const invalid = obErrorWith('OB_INVALID_ARGUMENT', 'log_restore_source');
  if (value.trim() === '') return null;
  const location = /^\s*location\s*=\s*(\S+)\s*$/i.exec(value);
  if (location !== null) return isObError(parseDest(location[1] ?? '')) ? invalid : { type: 'LOCATION', value };
  const service = /^\s*service\s*=\s*(\S+)\s+user\s*=\s*(\S+)\s+password\s*=\s*(\S+)\s*$/i.exec(value);
  if (service === null) return invalid;
  const addrs = (service[1] ?? '').split(';').filter((a) => a !== '');
  const addrOk = addrs.length > 0 && addrs.every((a) => /^[\w.-]+:\d{1,5}$/.test(a));
  if (!addrOk || !/^[^@\s]+@[^@\s]+$/.test(service[2] ?? '')) return invalid;
  return { type: 'SERVICE', value };
}

/** statements.md §4.3, checks in order: '' clears; parse; not for sys; no job; dest validity. */
function planDataBackupDest(state: ClusterState, tenant: TenantState, value: string): (() => void) | ObError {
  const dest = value === '' ? null : parseDest(value);
  if (isObError(dest)) return dest;
  if (tenant.id === SYS_TENANT_ID) return obError('OB_NOT_SUPPORTED');
  const backup = backupOf(tenant);
  if (backup.jobs.length > 0) return obError('OB_BACKUP_IN_PROGRESS');
  if (dest !== null) {
    const valid = checkDestValidity(state, tenant, dest, 'backup_data');
    if (isObError(valid)) return valid;
  }
  return () => {
    backup.dataBackupDest = dest === null ? null : { ...dest, destId: registerDest(state, tenant, dest, 'backup_data') };
    // Only data_backup_dest goes to __all_backup_parameter (DBA_OB_BACKUP_PARAMETER): ObDataBackupDestConfigParser
    // writes it through ObBackupHelper::set_backup_dest, while the log_archive_dest[_n] and _state parsers write
    // __all_log_archive_dest_parameter through ObArchivePersistHelper (DBA_OB_ARCHIVE_DEST) (ob_backup_config.cpp).
    setParameterRow(tenant, 'data_backup_dest', value);
  };
}

/** statements.md §4.4: '' deletes the dest (not while its round runs); otherwise the checks of the table. */
function planArchiveDest(state: ClusterState, tenant: TenantState, name: string, destNo: number, value: string): (() => void) | ObError {
  const running = tenant.backup !== null && archiveRunningOn(tenant, destNo);
  if (value.trim() === '') {
    if (running) return obErrorWith('OB_NOT_SUPPORTED', 'change archive dest when archive is running is');
    if (tenant.id === SYS_TENANT_ID) return obError('OB_NOT_SUPPORTED');
    return () => {
      const backup = backupOf(tenant);
      backup.archiveDests = backup.archiveDests.filter((d) => d.destNo !== destNo);
      wakeArchiveScheduler(state, tenant);
    };
  }
  const parsed = parseArchiveDestValue(value, running);
  if (isObError(parsed)) return parsed;
  if (tenant.id === SYS_TENANT_ID) return obError('OB_NOT_SUPPORTED');
  const valid = checkDestValidity(state, tenant, parsed.location, 'archive_log');
  if (isObError(valid)) return valid;
  return () => {
    const backup = backupOf(tenant);
    const destId = registerDest(state, tenant, parsed.location, 'archive_log');
    backup.archiveDests = backup.archiveDests.filter((d) => d.destNo !== destNo);
    backup.archiveDests.push({ destNo, value, destId, ...parsed });
    backup.archiveDests.sort((a, b) => a.destNo - b.destNo);
    wakeArchiveScheduler(state, tenant);
  };
}
