/** The engine's state, synthetic data: macroblocks, change log, log generation: see state.ts for the units and rules. */

// ---------------------------------------------------------------------------------------------------------------
// Synthetic data: macroblocks, change log, log generation
// ---------------------------------------------------------------------------------------------------------------

/**
 * The tenant's data. Macroblocks are numbered 0..macroBlockCount-1; macroblock i belongs to tablet
 * floor(i * tabletCount / macroBlockCount). A write marks a macroblock changed at a time: the change log is
 * append-only and ordered by time, kept in typed arrays (no per-macroblock objects), so "what changed after t"
 * costs O(changes) and "the version of every macroblock at t" is reconstructible (see macroblocks.ts).
 */
export interface TenantData {
  macroBlockCount: number;
  tabletCount: number;
  /** Output/input ratio of the copied macroblocks in a backup set, for this tenant (seeded; meta is extra). */
  compressionRatio: number;
  /** Steady write rate (bytes per virtual second), ALTER EMULATOR SET WRITE RATE. */
  writeRateBytesPerSec: number;
  /** Workload generated up to this time (µs). */
  writtenUntilUs: number;
  /** Fractional macroblocks owed by the steady workload (carried between steps). */
  writeCarry: number;
  changes: ChangeLog;
  /** Cumulative log bytes generated, as a piecewise-linear function of time (archive INPUT_BYTES). */
  logSegments: LogSegment[];
}

export interface ChangeLog {
  /** Number of valid entries. */
  length: number;
  /** Change times (µs), non-decreasing; capacity >= length. */
  timesUs: Float64Array;
  /** Macroblock index per entry. */
  blocks: Uint32Array;
}

export interface LogSegment {
  fromUs: number;
  /** Cumulative log bytes at fromUs. */
  bytesAtFrom: number;
  /** Log bytes per second from fromUs on. */
  rateBytesPerSec: number;
}
