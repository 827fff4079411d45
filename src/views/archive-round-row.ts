/**
 * The archive round row shared by DBA_OB_ARCHIVELOG and DBA_OB_ARCHIVELOG_SUMMARY (views.md §5.1, §5.2). The two
 * differ in three types (bigint(21) / varchar(28) / decimal(24,2) in ARCHIVELOG, bigint(20) / varchar(27) /
 * decimal(23,2) in SUMMARY) and in the order of their last two columns (COMMENT, PATH vs PATH, COMMENT).
 */
import type { ArchiveRound } from '../engine/index.js';
import type { ColumnDef } from '../result.js';
import { T, col } from './columns.js';
import type { Row } from './types.js';
import { bytesDisplay, compressionRatio, int, scnDisplay } from './values.js';

type Variant = 'archivelog' | 'summary';

export function archiveRoundColumns(variant: Variant): ColumnDef[] {
  const wide = variant === 'archivelog';
  const sumBytes = T.bigint(wide ? 21 : 20);
  const sumDisplay = T.varchar(wide ? 28 : 27);
  const comment = col('COMMENT', T.varchar(262144), 'NO');
  const path = col('PATH', T.varchar(2048), 'NO');
  return [
    col('DEST_ID', T.bigint(), 'NO'),
    col('ROUND_ID', T.bigint(), 'NO'),
    col('INCARNATION', T.bigint(), 'NO'),
    col('DEST_NO', T.bigint(), 'NO'),
    col('STATUS', T.varchar(64), 'NO'),
    col('START_SCN', T.ubigint(), 'NO'),
    col('START_SCN_DISPLAY', T.datetime6(), 'NO'),
    col('CHECKPOINT_SCN', T.ubigint(), 'NO'),
    col('CHECKPOINT_SCN_DISPLAY', T.datetime6(), 'NO'),
    col('COMPATIBLE', T.bigint(), 'NO'),
    col('BASE_PIECE_ID', T.bigint(), 'NO'),
    col('USED_PIECE_ID', T.bigint(), 'NO'),
    col('PIECE_SWITCH_INTERVAL', T.bigint(), 'NO'),
    col('UNIT_SIZE', T.bigint(), 'NO'),
    col('COMPRESSION', T.varchar(128), 'NO'),
    col('INPUT_BYTES', sumBytes, 'NO'),
    col('INPUT_BYTES_DISPLAY', sumDisplay, 'NO'),
    col('OUTPUT_BYTES', sumBytes, 'NO'),
    col('OUTPUT_BYTES_DISPLAY', sumDisplay, 'NO'),
    col('COMPRESSION_RATIO', T.decimal(wide ? 24 : 23, 2), 'NO'),
    col('DELETED_INPUT_BYTES', T.bigint(), 'NO'),
    col('DELETED_INPUT_BYTES_DISPLAY', T.varchar(27), 'NO'),
    col('DELETED_OUTPUT_BYTES', T.bigint(), 'NO'),
    col('DELETED_OUTPUT_BYTES_DISPLAY', T.varchar(27), 'NO'),
    ...(wide ? [comment, path] : [path, comment]),
  ];
}

/** `status` overrides the round's own (history rows are shown with 'STOP'). */
export function archiveRoundRow(round: ArchiveRound, variant: Variant, status: string = round.status): Row {
  // INPUT_BYTES = FROZEN_INPUT_BYTES + ACTIVE_INPUT_BYTES (and likewise for output).
  const input = int(round.frozenInputBytes) + int(round.activeInputBytes);
  const output = int(round.frozenOutputBytes) + int(round.activeOutputBytes);
  const tail = variant === 'archivelog' ? [round.comment, round.path] : [round.path, round.comment];
  return [
    int(round.destId),
    int(round.roundId),
    int(round.incarnation),
    int(round.destNo),
    status,
    round.startScn,
    scnDisplay(round.startScn),
    round.checkpointScn,
    scnDisplay(round.checkpointScn),
    int(round.compatible),
    int(round.basePieceId),
    int(round.usedPieceId),
    // Microseconds, not the typed `1d` (views.md §5.1 #13).
    int(round.pieceSwitchIntervalUs),
    int(round.unitSize),
    round.compression,
    input,
    bytesDisplay(input),
    output,
    bytesDisplay(output),
    compressionRatio(input, output),
    int(round.deletedInputBytes),
    bytesDisplay(round.deletedInputBytes),
    int(round.deletedOutputBytes),
    bytesDisplay(round.deletedOutputBytes),
    ...tail,
  ];
}
