/** The engine's state, log archive: see state.ts for the units and rules. */
import type { FileStatus, PieceStatus, RoundStatus, StatusChange } from '../state-vocabulary.js';

// ---------------------------------------------------------------------------------------------------------------
// Log archive
// ---------------------------------------------------------------------------------------------------------------

/** A DBA_OB_ARCHIVELOG row (and, copied at STOP, an ARCHIVELOG_SUMMARY history row). */
export interface ArchiveRound {
  tenantId: number;
  destId: number;
  roundId: number;
  incarnation: number;
  destNo: number;
  status: RoundStatus;
  startScn: bigint;
  checkpointScn: bigint;
  /** Max LS checkpoint (pieces' MAX_SCN; USED_PIECE_ID = piece_id(maxScn)). */
  maxScn: bigint;
  compatible: number;
  basePieceId: number;
  usedPieceId: number;
  /** µs. */
  pieceSwitchIntervalUs: number;
  unitSize: number;
  compression: string;
  /** INPUT_BYTES = frozen + active; OUTPUT_BYTES likewise. */
  frozenInputBytes: number;
  frozenOutputBytes: number;
  activeInputBytes: number;
  activeOutputBytes: number;
  deletedInputBytes: number;
  deletedOutputBytes: number;
  comment: string;
  /** Archive dest root. */
  path: string;
  /** Lag target of the dest when the round began (µs). */
  lagTargetUs: number;
  /** When the round entered BEGINNING (µs); the checkpoint model starts there. 0 before. */
  beginUs: number;
  /**
   * Internal (faults): the last time the round was seen stalled by a retried archive error or a down server (its
   * checkpoint does not move meanwhile), or null; and, once it resumes, where and when the catch-up started.
   */
  stalledUntilUs?: number | null;
  catchUp?: { fromUs: number; checkpointUs: number } | null;
  /** Internal (faults): while a THROUGHPUT cap holds the archive back, when the round was last settled under it. */
  throttledAtUs?: number | null;
  /** The scheduler's next step for this round, or null (DOING advances continuously, without events). */
  nextAtUs: number | null;
  statusLog: StatusChange<RoundStatus>[];
}

/** A DBA_OB_ARCHIVELOG_PIECE_FILES row. */
export interface ArchivePiece {
  tenantId: number;
  destId: number;
  roundId: number;
  pieceId: number;
  incarnation: number;
  destNo: number;
  status: PieceStatus;
  startScn: bigint;
  checkpointScn: bigint;
  maxScn: bigint;
  endScn: bigint;
  compatible: number;
  unitSize: number;
  compression: string;
  inputBytes: number;
  outputBytes: number;
  fileStatus: FileStatus;
  path: string;
}
