/**
 * ALTER SYSTEM RESTORE t FROM … [UNTIL …] WITH '…' (statements.md §3.7). The resolver's checks, then the RS's,
 * all synchronous (ObRestoreUtil fills the job, sets and pieces inside the RPC): a rejected restore returns its
 * error and changes nothing. An accepted one writes the sys row (CREATE_TENANT); the restore scheduler creates
 * the tenant. What fails later (a pool that is missing or already granted) ends in a FAIL history row.
 */
import type { RestoreStatement } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { DECRYPTION_PASSWD_ARRAY_VAR, RESTORE_SOURCE_VAR } from '../backup/encryption.js';
import { logBytesAt } from '../data/log-bytes.js';
import { userDataSize } from '../data/tablet-blocks.js';
import { backupDestReadFault } from '../faults/restore-faults.js';
import { checkUntil, piecePath, resolveSource, restoreScnOf, selectSources, setPath } from './plan.js';
import { RESTORE_TICK_US, encodedVersion, restoreDurationUs } from './scheduler.js';
import type { RestoreJob } from '../state.js';
import { DATA_VERSION, SYS_TENANT_ID, findTenantByName } from '../tenant/tenants.js';
import { usOfScn } from '../cluster/time.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type Restore = Extract<RestoreStatement, { kind: 'Restore' }>;

/** ObPhysicalRestoreOptionParser: `k=v&k=v`; keys pool_list, primary_zone, locality, concurrency, kms_encrypt. */
export function parseRestoreOption(text: string): Map<string, string> | ObError {
  const out = new Map<string, string>();
  for (const item of text.split('&')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) return obErrorWith('OB_INVALID_ARGUMENT', 'restore option');
    out.set(item.slice(0, eq).trim().toLowerCase(), item.slice(eq + 1).trim());
  }
  return out;
}

/** The resolver's checks (statements.md §3.7, order inferred). */
function resolverChecks(ctx: SessionContext, stmt: Restore): ObError | null {
  if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_OP_NOT_ALLOW', 'restore tenant from a user tenant is');
  const source = ctx.variables.get(RESTORE_SOURCE_VAR);
  if (stmt.from !== null && source !== null && source !== '') {
    return obErrorWith('OB_NOT_SUPPORTED', 'should not have backup_dest and restore_source at the same time');
  }
  const until = checkUntil(stmt.until);
  if (until !== null) return until;
  if ([stmt.from, stmt.options, stmt.description, stmt.encryptedBy].some((s) => s === '')) return obError('OB_ERR_PARSER_SYNTAX');
  return null;
}

export function restoreTenant(cluster: Cluster, ctx: SessionContext, stmt: Restore): Outcome {
  const state = cluster.state;
  const rejected = resolverChecks(ctx, stmt);
  if (rejected !== null) return rejected;
  const name = stmt.tenant;
  const lower = name.toLowerCase();
  if (state.restoreJobs.some((j) => j.tenantId === SYS_TENANT_ID && j.restoreTenantName.toLowerCase() === lower)) {
    return obError('OB_RESTORE_IN_PROGRESS');
  }
  if (findTenantByName(state, name) !== undefined) return obErrorWith('OB_TENANT_EXIST', name);
  const option = parseRestoreOption(stmt.options);
  if (isObError(option)) return option;
  const from = stmt.from ?? ctx.variables.get(RESTORE_SOURCE_VAR) ?? '';
  if (from.trim() === '') return obErrorWith('OB_INVALID_ARGUMENT', 'restore source, no backup dest given');
  const source = resolveSource(state, from);
  if (isObError(source)) return source;
  // ObRestoreUtil::fill_physical_restore_job reads the sets' and pieces' info files inside the RPC: a backup dest
  // that fails its reads fails the statement with the storage error, and nothing is created.
  const unreadable = backupDestReadFault(state, source.tenant.id);
  if (unreadable !== null) return obError(unreadable);
  const scn = restoreScnOf(source, stmt.until);
  if (isObError(scn)) return scn;
  const chosen = selectSources(source, scn, ctx.variables.get(DECRYPTION_PASSWD_ARRAY_VAR) ?? '');
  if (isObError(chosen)) return chosen;

  const data = source.tenant.backup!.data;
  const restoreUs = usOfScn(scn);
  const totalBytes = chosen.sets.reduce((sum, s) => sum + s.outputBytes, 0);
  const logBytes = Math.max(0, logBytesAt(data, restoreUs) - logBytesAt(data, usOfScn(chosen.startReplayScn)));
  const job: RestoreJob = {
    tenantId: SYS_TENANT_ID,
    jobId: state.nextRestoreJobId++,
    restoreTenantName: name,
    restoreTenantId: 0,
    backupTenantName: source.tenant.name,
    backupTenantId: source.tenant.id,
    backupClusterName: state.clusterName === '' ? 'obcluster' : state.clusterName,
    backupDest: source.backupDest,
    restoreOption: stmt.options,
    restoreType: 'FULL',
    restoreScn: scn,
    status: 'CREATE_TENANT',
    startUs: state.nowUs,
    finishUs: 0,
    backupSetList: chosen.sets.map(setPath).join(','),
    backupPieceList: chosen.pieces.map(piecePath).join(','),
    backupClusterVersion: encodedVersion(DATA_VERSION),
    lsCount: 2,
    finishLsCount: 0,
    tabletCount: data.tabletCount + userDataSize(data.catalog).tablets,
    finishTabletCount: 0,
    totalBytes: null,
    finishBytes: null,
    description: stmt.description ?? '',
    comment: '',
    nextAtUs: state.nowUs + RESTORE_TICK_US,
    statusLog: [{ from: null, to: 'CREATE_TENANT', atUs: state.nowUs }],
    plan: {
      sourceTenantId: source.tenant.id,
      backupSetIds: chosen.sets.map((s) => s.backupSetId),
      pieces: chosen.pieces.map((p) => ({ destId: p.destId, roundId: p.roundId, pieceId: p.pieceId })),
      restoreUs,
      poolList: (option.get('pool_list') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''),
      primaryZone: option.get('primary_zone') ?? '',
      locality: option.get('locality') ?? '',
      totalBytes,
      logBytes,
      phaseStartUs: 0,
      waitLsUs: restoreDurationUs(totalBytes, logBytes),
      compatibilityMode: source.tenant.compatibilityMode,
    },
  };
  state.restoreJobs.push(job);
  state.rootserviceEvents.push({
    atUs: state.nowUs,
    module: 'physical_restore',
    event: 'restore_start',
    values: [['job_id', String(job.jobId)], ['tenant_name', name]],
  });
  return OK;
}
