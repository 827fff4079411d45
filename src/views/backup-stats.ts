/**
 * The statistics columns BACKUP_TASKS (+ _HISTORY) and BACKUP_SET_FILES share, in the same order and types
 * (views.md §4.2 #13-#23, §4.3 #17-#27): bytes, rate, tablet, macroblock and file counts, turn ids.
 */
import type { BackupStats } from '../engine/index.js';
import { T, col } from './columns.js';
import { int, outputRate } from './values.js';

export const BACKUP_STATS_COLUMNS = [
  col('INPUT_BYTES', T.bigint(), 'YES'),
  col('OUTPUT_BYTES', T.bigint(), 'YES'),
  col('OUTPUT_RATE_BYTES', T.decimal(32, 4), 'NO'),
  col('EXTRA_META_BYTES', T.bigint(), 'YES'),
  col('TABLET_COUNT', T.bigint(), 'YES'),
  col('FINISH_TABLET_COUNT', T.bigint(), 'YES'),
  col('MACRO_BLOCK_COUNT', T.bigint(), 'YES'),
  col('FINISH_MACRO_BLOCK_COUNT', T.bigint(), 'YES'),
  col('FILE_COUNT', T.bigint(), 'YES'),
  col('META_TURN_ID', T.bigint(), 'YES'),
  col('DATA_TURN_ID', T.bigint(), 'YES'),
];

/** The values of BACKUP_STATS_COLUMNS for a task or a set (OUTPUT_RATE_BYTES is 0 while END_TS is 0). */
export function backupStatsValues(x: BackupStats & { readonly startUs: number; readonly endUs: number }) {
  return [
    int(x.inputBytes),
    int(x.outputBytes),
    outputRate(x.outputBytes, x.startUs, x.endUs),
    int(x.extraMetaBytes),
    int(x.tabletCount),
    int(x.finishTabletCount),
    int(x.macroBlockCount),
    int(x.finishMacroBlockCount),
    int(x.fileCount),
    int(x.metaTurnId),
    int(x.dataTurnId),
  ];
}
