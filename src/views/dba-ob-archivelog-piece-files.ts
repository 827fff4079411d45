/**
 * DBA_OB_ARCHIVELOG_PIECE_FILES / CDB_OB_ARCHIVELOG_PIECE_FILES (views.md §5.3): one row per archive piece,
 * primary key (tenant, dest_id, round_id, piece_id). Piece STATUS is ACTIVE or FROZEN, never FREEZING (§8.10).
 */
import type { ArchivePiece } from '../engine/index.js';
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { bytesDisplay, compressionRatio, int, scnDisplay } from './values.js';

export const PIECE_COLUMNS = [
  col('DEST_ID', T.bigint(), 'NO'),
  col('ROUND_ID', T.bigint(), 'NO'),
  col('PIECE_ID', T.bigint(), 'NO'),
  col('INCARNATION', T.bigint(), 'NO'),
  col('DEST_NO', T.bigint(), 'NO'),
  col('STATUS', T.varchar(64), 'NO'),
  col('START_SCN', T.ubigint(), 'NO'),
  col('START_SCN_DISPLAY', T.datetime6(), 'NO'),
  col('CHECKPOINT_SCN', T.ubigint(), 'NO'),
  col('CHECKPOINT_SCN_DISPLAY', T.datetime6(), 'NO'),
  col('MAX_SCN', T.ubigint(), 'NO'),
  col('END_SCN', T.ubigint(), 'NO'),
  col('END_SCN_DISPLAY', T.datetime6(), 'NO'),
  col('COMPATIBLE', T.bigint(), 'NO'),
  col('UNIT_SIZE', T.bigint(), 'NO'),
  col('COMPRESSION', T.varchar(128), 'NO'),
  col('INPUT_BYTES', T.bigint(), 'NO'),
  col('INPUT_BYTES_DISPLAY', T.varchar(27), 'NO'),
  col('OUTPUT_BYTES', T.bigint(), 'NO'),
  col('OUTPUT_BYTES_DISPLAY', T.varchar(27), 'NO'),
  col('COMPRESSION_RATIO', T.decimal(23, 2), 'NO'),
  col('FILE_STATUS', T.varchar(64), 'NO'),
  col('PATH', T.varchar(2048), 'NO'),
];

export function pieceRow(p: ArchivePiece): Row {
  return [
    int(p.destId),
    int(p.roundId),
    int(p.pieceId),
    int(p.incarnation),
    int(p.destNo),
    p.status,
    p.startScn,
    scnDisplay(p.startScn),
    p.checkpointScn,
    scnDisplay(p.checkpointScn),
    p.maxScn,
    p.endScn,
    scnDisplay(p.endScn),
    int(p.compatible),
    int(p.unitSize),
    p.compression,
    int(p.inputBytes),
    bytesDisplay(p.inputBytes),
    int(p.outputBytes),
    bytesDisplay(p.outputBytes),
    compressionRatio(p.inputBytes, p.outputBytes),
    p.fileStatus,
    p.path,
  ];
}

export const [DBA_OB_ARCHIVELOG_PIECE_FILES, CDB_OB_ARCHIVELOG_PIECE_FILES] = twins({
  suffix: 'OB_ARCHIVELOG_PIECE_FILES',
  columns: PIECE_COLUMNS,
  rowsOf: (ctx, tenantId) =>
    [...(backupOf(ctx, tenantId)?.pieces ?? [])]
      .sort((a, b) => a.destId - b.destId || a.roundId - b.roundId || a.pieceId - b.pieceId)
      .map(pieceRow),
});
