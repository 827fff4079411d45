/**
 * Backup sets and the INC chain (views.md §9.4, §10.4): which set an INC builds on, the sizes a set copies
 * (§11), and how long the data phases take (emulator.md "backup timing").
 */
import { MACRO_BLOCK_BYTES, countChangedBetween } from '../data/macroblocks.js';
import { userDataSize } from '../data/tablet-blocks.js';
import type { BackupSetFile, TaskPlan, TenantState } from '../state.js';
import { backupOf } from '../tenant/tenants.js';
import { US_PER_SECOND } from '../cluster/time.js';

/**
 * OB_DEFAULT_BACKUP_CONCURRENCY and OB_MAX_BACKUP_CONCURRENCY (checked: src/storage/backup/ob_backup_data_struct.h
 * in oceanbase/oceanbase has 2 and 8; a newer tree has a max of 128).
 */
export const DEFAULT_BACKUP_CONCURRENCY = 2;
export const MAX_BACKUP_CONCURRENCY = 8;
/** Copy throughput of one backup thread (virtual): a default tenant's FULL takes about 10-30 s. */
const BYTES_PER_THREAD_PER_SECOND = 12 * 1024 * 1024;
/**
 * The set sizes (views.md §11), fitted to a real 4.2.2 FULL/INC pair over the same 617 tablets: FULL 94 macroblocks,
 * INPUT_BYTES 198130272, OUTPUT_BYTES 16984419; INC 20 macroblocks, 42941657 and 14592769. INPUT_BYTES is the copied
 * macroblocks plus ~1,600 bytes of meta a tablet. OUTPUT_BYTES does not shrink with the input, because every set
 * writes every tablet's meta and minor data: ~13.8 MB, about 7% of the tenant's 94 macroblocks, in both sets; on
 * top of that the copied macroblocks compress to ~1.5% (data.compressionRatio, seeded per tenant). A FULL is then
 * about 11-12:1 (the pair: 11.7:1); an INC of few macroblocks writes nearly as much as a FULL.
 */
const META_INPUT_BYTES_PER_TABLET = 1600;
const META_MINOR_OUTPUT_SHARE = 0.07;

/** The set an INC builds on: the highest SUCCESS + AVAILABLE set in the same dest (§10.4), or undefined. */
export function baseSetFor(tenant: TenantState, destId: number): BackupSetFile | undefined {
  let best: BackupSetFile | undefined;
  for (const s of backupOf(tenant).setFiles) {
    if (s.destId === destId && s.status === 'SUCCESS' && s.fileStatus === 'AVAILABLE') {
      if (best === undefined || s.backupSetId > best.backupSetId) best = s;
    }
  }
  return best;
}

/** PREV_FULL_BACKUP_SET_ID / PREV_INC_BACKUP_SET_ID of a new set (§10.4). */
export function prevIds(base: BackupSetFile | undefined, type: 'FULL' | 'INC'): [number, number] {
  if (type === 'FULL' || base === undefined) return [0, 0];
  return base.backupType === 'FULL' ? [base.backupSetId, base.backupSetId] : [base.prevFullBackupSetId, base.backupSetId];
}

/** ha_low_thread_score → backup concurrency: 0 means the default; capped at the maximum (statements.md §4.7). */
export function backupConcurrency(tenant: TenantState): number {
  const score = tenant.parameters.ha_low_thread_score;
  return score === 0 ? DEFAULT_BACKUP_CONCURRENCY : Math.min(score, MAX_BACKUP_CONCURRENCY);
}

/**
 * The data plan of a set whose snapshot is `snapshotUs`: FULL copies every macroblock; INC the distinct
 * macroblocks changed since the base set's snapshot (O(changes)). An INC still visits every tablet.
 */
export function planData(tenant: TenantState, set: BackupSetFile, base: BackupSetFile | undefined, nowUs: number): TaskPlan {
  const data = backupOf(tenant).data;
  // User tablets own macroblocks of their own beside the synthetic ones (data/tablet-blocks.ts).
  const user = userDataSize(data.catalog);
  const totalBlocks = data.macroBlockCount + user.macroBlocks;
  const macroBlocks =
    set.backupType === 'INC' && base !== undefined ? countChangedBetween(data.changes, base.snapshotUs, set.snapshotUs) : totalBlocks;
  const tablets = data.tabletCount + user.tablets;
  const dataBytes = macroBlocks * MACRO_BLOCK_BYTES;
  const inputBytes = dataBytes + tablets * META_INPUT_BYTES_PER_TABLET;
  // Every tablet writes its meta and minor data (its share of the tenant's size); then the copied macroblocks.
  const tenantBytes = totalBlocks * MACRO_BLOCK_BYTES;
  const tabletOutputBytes = tablets === 0 ? 0 : Math.round((META_MINOR_OUTPUT_SHARE * tenantBytes) / tablets);
  const outputBytes = tablets * tabletOutputBytes + Math.floor(dataBytes * data.compressionRatio);
  const dataUs = Math.ceil((dataBytes / (backupConcurrency(tenant) * BYTES_PER_THREAD_PER_SECOND)) * US_PER_SECOND);
  return {
    macroBlocks,
    tablets,
    inputBytes,
    outputBytes,
    minorUs: Math.max(US_PER_SECOND, Math.round(dataUs * 0.3)),
    majorUs: Math.max(US_PER_SECOND, Math.round(dataUs * 0.7)),
    minorMacroBlocks: Math.floor(macroBlocks * 0.3),
    phaseStartUs: nowUs,
  };
}
