/**
 * DBA_OB_LS_LOG_ARCHIVE_PROGRESS / CDB_OB_LS_LOG_ARCHIVE_PROGRESS (views.md §5.5): per log stream, per piece archive
 * progress, key (tenant, dest_id, ls_id, round_id, piece_id). The engine models one user LS (1001) that carries the
 * tenant's log, plus the sys LS (1), which archives along with it but carries no modelled log bytes. LSNs are the
 * log's byte offsets, so a piece covers [log bytes at its start, + its input bytes); archive files are 64 MB blocks.
 * STATUS uses the round state words (DOING / INTERRUPTED / STOP / SUSPEND).
 */
import type { ArchivePiece, ArchiveRound, TenantBackup } from '../engine/index.js';
import { logBytesAt } from '../engine/data/log-bytes.js';
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { int } from './values.js';

const SYS_LS_ID = 1;
const USER_LS_ID = 1001;
const ARCHIVE_FILE_BYTES = 64n * 1024n * 1024n;

const COLUMNS = [
  col('DEST_ID', T.bigint(), 'NO'),
  col('LS_ID', T.bigint(), 'NO'),
  col('ROUND_ID', T.bigint(), 'NO'),
  col('PIECE_ID', T.bigint(), 'NO'),
  // Null of columns 5-14 is not recorded (views.md §5.5); the inner table's columns are NOT NULL.
  col('INCARNATION', T.bigint(), 'NO'),
  col('START_SCN', T.ubigint(), 'NO'),
  col('MIN_LSN', T.ubigint(), 'NO'),
  col('MAX_LSN', T.ubigint(), 'NO'),
  col('CHECKPOINT_SCN', T.ubigint(), 'NO'),
  col('STATUS', T.varchar(64), 'NO'),
  col('FILE_ID', T.bigint(), 'NO'),
  col('FILE_OFFSET', T.bigint(), 'NO'),
  col('INPUT_BYTES', T.bigint(), 'NO'),
  col('OUTPUT_BYTES', T.bigint(), 'NO'),
];

/** The per-LS state word of a piece: its round's, folded onto DOING / INTERRUPTED / STOP / SUSPEND. */
function lsStatus(backup: TenantBackup, piece: ArchivePiece): string {
  const round: ArchiveRound | undefined = backup.rounds.find((r) => r.destNo === piece.destNo && r.roundId === piece.roundId);
  switch (round?.status) {
    case 'PREPARE':
    case 'BEGINNING':
    case 'DOING':
    case 'STOPPING':
      return 'DOING';
    case 'INTERRUPTED':
      return 'INTERRUPTED';
    case 'SUSPENDING':
    case 'SUSPEND':
      return 'SUSPEND';
    default:
      return 'STOP';
  }
}

function lsRow(backup: TenantBackup, piece: ArchivePiece, lsId: number): Row {
  const carriesLog = lsId === USER_LS_ID;
  const minLsn = carriesLog ? BigInt(logBytesAt(backup.data, Number(piece.startScn / 1000n))) : 0n;
  const bytes = carriesLog ? int(piece.inputBytes) : 0n;
  const maxLsn = minLsn + bytes;
  return [
    int(piece.destId),
    int(lsId),
    int(piece.roundId),
    int(piece.pieceId),
    int(piece.incarnation),
    piece.startScn,
    minLsn,
    maxLsn,
    piece.checkpointScn,
    lsStatus(backup, piece),
    maxLsn / ARCHIVE_FILE_BYTES,
    maxLsn % ARCHIVE_FILE_BYTES,
    bytes,
    carriesLog ? int(piece.outputBytes) : 0n,
  ];
}

export const [DBA_OB_LS_LOG_ARCHIVE_PROGRESS, CDB_OB_LS_LOG_ARCHIVE_PROGRESS] = twins({
  suffix: 'OB_LS_LOG_ARCHIVE_PROGRESS',
  columns: COLUMNS,
  rowsOf: (ctx, tenantId) => {
    const backup = backupOf(ctx, tenantId);
    if (backup === null) return [];
    const pieces = [...backup.pieces].sort((a, b) => a.destId - b.destId || a.roundId - b.roundId || a.pieceId - b.pieceId);
    const rows: Row[] = [];
    for (const lsId of [SYS_LS_ID, USER_LS_ID]) for (const p of pieces) rows.push(lsRow(backup, p, lsId));
    // Key order: dest_id, ls_id, round_id, piece_id.
    return rows.sort((a, b) => Number((a[0] as bigint) - (b[0] as bigint)) || Number((a[1] as bigint) - (b[1] as bigint)));
  },
});
