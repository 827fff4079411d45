/**
 * CANCEL RESTORE t (statements.md §3.7: a forced DROP TENANT that only drops a tenant being restored) and RESTORE
 * … PREVIEW. PREVIEW, as in OceanBase, only stores the FROM string and the restore point in session variables;
 * `restorePreviewRows` then answers SHOW RESTORE PREVIEW (ObTenantShowRestorePreview) with one row per set and
 * piece the restore would use, and clears those variables.
 */
import type { RestoreStatement } from '../../../grammar/ast.js';
import { isObError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { DECRYPTION_PASSWD_ARRAY_VAR } from '../backup/encryption.js';
import { piecePath, resolveSource, restoreScnOf, selectSources, setPath } from './plan.js';
import { abortRestore } from './scheduler.js';
import { SYS_TENANT_ID, findTenantByName } from '../tenant/tenants.js';
import type { Cluster, Outcome, SessionContext, SessionVariables } from '../types.js';
import { OK } from '../types.js';

type Preview = Extract<RestoreStatement, { kind: 'RestorePreview' }>;

export const PREVIEW_BACKUP_DEST_VAR = '__ob_restore_preview_backup_dest__';
export const PREVIEW_SCN_VAR = '__ob_restore_preview_scn__';
export const PREVIEW_TIMESTAMP_VAR = '__ob_restore_preview_timestamp__';

/** A SHOW RESTORE PREVIEW row: BACKUP_TYPE, BACKUP_ID, PREVIEW_PATH, BACKUP_DESC. */
export interface RestorePreviewRow {
  readonly backupType: 'BACKUP_SET' | 'BACKUP_PIECE';
  /** backup_set_id or piece_id. */
  readonly backupId: number;
  readonly previewPath: string;
  readonly backupDesc: string;
}

export function cancelRestore(cluster: Cluster, ctx: SessionContext, name: string): Outcome {
  const state = cluster.state;
  if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_OP_NOT_ALLOW', 'cancel restore from a user tenant is');
  const lower = name.toLowerCase();
  const job = state.restoreJobs.find((j) => j.tenantId === SYS_TENANT_ID && j.restoreTenantName.toLowerCase() === lower);
  if (job === undefined) {
    // drop_only_in_restore_: a tenant that is not being restored is not dropped.
    if (findTenantByName(state, name) === undefined) return obErrorWith('OB_TENANT_NOT_EXIST', name);
    return obErrorWith('OB_OP_NOT_ALLOW', 'Cancel tenant not in restore is');
  }
  abortRestore(state, job, `restore of tenant ${job.restoreTenantName} canceled: the tenant was dropped (CANCEL RESTORE)`);
  return OK;
}

export function restorePreview(ctx: SessionContext, stmt: Preview): Outcome {
  if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_OP_NOT_ALLOW', 'restore preview from a user tenant is');
  const until = stmt.until;
  ctx.variables.set(PREVIEW_BACKUP_DEST_VAR, stmt.from);
  ctx.variables.set(PREVIEW_SCN_VAR, until?.kind === 'UntilScn' ? until.scn.trim() : '0');
  ctx.variables.set(PREVIEW_TIMESTAMP_VAR, until?.kind === 'UntilTime' ? until.time : '');
  return OK;
}

/**
 * SHOW RESTORE PREVIEW for the session: the sets (first) and pieces the previewed restore would use, or the
 * restore's own error; OB_NOT_SUPPORTED without a PREVIEW before. The preview variables are cleared afterwards.
 */
export function restorePreviewRows(cluster: Cluster, tenantId: number, vars: SessionVariables): RestorePreviewRow[] | ObError {
  if (tenantId !== SYS_TENANT_ID) return obErrorWith('OB_OP_NOT_ALLOW', 'SHOW RESTORE PREVIEW in user tenant');
  const from = vars.get(PREVIEW_BACKUP_DEST_VAR);
  const scnText = vars.get(PREVIEW_SCN_VAR) ?? '0';
  const time = vars.get(PREVIEW_TIMESTAMP_VAR) ?? '';
  if (from === null) return obErrorWith('OB_NOT_SUPPORTED', 'show restore preview before ALTER SYSTEM RESTORE PREVIEW is');
  const rows = previewRows(cluster, from, scnText, time, vars.get(DECRYPTION_PASSWD_ARRAY_VAR) ?? '');
  for (const v of [PREVIEW_BACKUP_DEST_VAR, PREVIEW_SCN_VAR, PREVIEW_TIMESTAMP_VAR]) vars.delete(v);
  return rows;
}

function previewRows(cluster: Cluster, from: string, scnText: string, time: string, passwd: string): RestorePreviewRow[] | ObError {
  const source = resolveSource(cluster.state, from);
  if (isObError(source)) return source;
  const until = scnText !== '0' && scnText !== '' ? { kind: 'UntilScn' as const, scn: scnText } : time !== '' ? { kind: 'UntilTime' as const, time } : null;
  const scn = restoreScnOf(source, until);
  if (isObError(scn)) return scn;
  const chosen = selectSources(source, scn, passwd);
  if (isObError(chosen)) return chosen;
  return [
    ...chosen.sets.map((s): RestorePreviewRow => ({
      backupType: 'BACKUP_SET',
      backupId: s.backupSetId,
      previewPath: setPath(s),
      backupDesc: `backup_set_id:${s.backupSetId}, backup_type:${s.backupType}, min_restore_scn:${s.minRestoreScn}, total_bytes:${s.outputBytes}`,
    })),
    ...chosen.pieces.map((p): RestorePreviewRow => ({
      backupType: 'BACKUP_PIECE',
      backupId: p.pieceId,
      previewPath: piecePath(p),
      backupDesc: `piece_id:${p.pieceId}, start_scn:${p.startScn}, checkpoint_scn:${p.checkpointScn}`,
    })),
  ];
}
