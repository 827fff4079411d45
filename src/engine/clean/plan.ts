/**
 * Which backups a delete policy makes obsolete (issue 6 item 4). To restore to any point p inside the recovery
 * window [now − window, now], a restore takes the newest FULL whose MIN_RESTORE_SCN ≤ p, its INC chain, and the
 * pieces from the last set's START_REPLAY_SCN on (restore-plan.ts). So, per data dest, the newest SUCCESS FULL at
 * or before the window start is kept with every set after it; older sets are obsolete. Pieces are obsolete when
 * they end at or before the earliest START_REPLAY_SCN any kept chain can need. A dest with no FULL at or before
 * the window start keeps everything; so do the pieces when no dest has a FULL to start from.
 */
import type { ArchivePiece, BackupSetFile, TenantBackup } from '../state.js';

export interface ObsoleteBackups {
  sets: BackupSetFile[];
  pieces: ArchivePiece[];
}

/** Sets and pieces no longer needed to restore to any point at or after `windowStartScn`. */
export function obsoleteBackups(backup: TenantBackup, windowStartScn: bigint): ObsoleteBackups {
  const sets: BackupSetFile[] = [];
  let keepFromScn: bigint | null = null;
  const destIds = [...new Set(backup.setFiles.map((s) => s.destId))];
  for (const destId of destIds) {
    const inDest = backup.setFiles.filter((s) => s.destId === destId).sort((a, b) => a.backupSetId - b.backupSetId);
    const fulls = inDest.filter((s) => s.backupType === 'FULL' && s.status === 'SUCCESS' && s.fileStatus === 'AVAILABLE');
    const kept = [...fulls].reverse().find((s) => s.minRestoreScn <= windowStartScn);
    // The earliest replay a restore from this dest can need: the kept FULL's, or (none kept) its first FULL's.
    const floor = kept ?? fulls[0];
    if (floor !== undefined && (keepFromScn === null || floor.startReplayScn < keepFromScn)) keepFromScn = floor.startReplayScn;
    if (kept === undefined) continue;
    for (const s of inDest) {
      if (s.backupSetId < kept.backupSetId && (s.fileStatus === 'AVAILABLE' || s.fileStatus === 'INCOMPLETE')) sets.push(s);
    }
  }
  const pieces =
    keepFromScn === null
      ? []
      : backup.pieces.filter((p) => p.status === 'FROZEN' && p.fileStatus === 'AVAILABLE' && p.endScn <= keepFromScn!);
  return { sets, pieces };
}
