/**
 * Which tenant a standby's LOG_RESTORE_SOURCE names, and how far it lets the standby replay (replay.ts); the
 * retention of a primary's history (prune.ts) asks the same question.
 */
import { isObError } from '../../errors.js';
import { scnOfUs } from '../cluster/time.js';
import { parseDest } from '../dest/parse.js';
import type { ClusterState, TenantState } from '../state.js';
import { findTenant, findTenantByName } from '../tenant/tenants.js';

export interface Source {
  readonly tenant: TenantState;
  /** The archive dest read (LOCATION), or null (SERVICE: the primary itself). */
  readonly archiveDestId: number | null;
}

export function resolveSource(state: ClusterState, standby: TenantState): Source | undefined {
  const src = standby.backup?.logRestoreSource ?? null;
  if (src === null) return undefined;
  if (src.type === 'LOCATION') {
    const uri = /^\s*location\s*=\s*(\S+)\s*$/i.exec(src.value)?.[1] ?? '';
    const dest = parseDest(uri);
    if (isObError(dest)) return undefined;
    const format = state.formatFiles.find((f) => f.root === dest.root && f.destType === 'archive_log');
    const tenant = format === undefined ? undefined : findTenant(state, format.tenantId);
    return tenant === undefined || tenant === standby ? undefined : { tenant, archiveDestId: format!.destId };
  }
  const user = /user\s*=\s*\S*@(\S+)/i.exec(src.value)?.[1];
  const tenant = user === undefined ? undefined : findTenantByName(state, user);
  return tenant === undefined || tenant === standby ? undefined : { tenant, archiveDestId: null };
}

/** The tenant a standby replays from, if its LOG_RESTORE_SOURCE names one. */
export function standbySourceOf(state: ClusterState, standby: TenantState): TenantState | undefined {
  return resolveSource(state, standby)?.tenant;
}

/** How far the source lets the standby replay: its archive's newest checkpoint, or the primary's now. */
export function reachOf(state: ClusterState, source: Source): bigint {
  if (source.archiveDestId === null) return scnOfUs(state.nowUs);
  let max = 0n;
  for (const p of source.tenant.backup!.pieces) if (p.destId === source.archiveDestId && p.checkpointScn > max) max = p.checkpointScn;
  return max;
}

