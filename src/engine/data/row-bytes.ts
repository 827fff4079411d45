/**
 * How many bytes a row takes on disk and in the redo log, as a deterministic estimate: OceanBase's row format
 * stores a small header, the rowkey and each column's value, close to the packed row's characters (row-codec.ts).
 * The figures only have to be plausible and stable: they decide how fast a tablet fills its 2 MB macroblocks and
 * how much log a commit adds to the archive's INPUT_BYTES.
 */
import type { PackedRow } from '../state.js';

/** Row header (flag, column count, offsets) per row. */
const ROW_HEADER_BYTES = 16;
/** Redo overhead per row change (mutator header, tablet id, SCN, checksum). */
const REDO_ROW_OVERHEAD_BYTES = 48;

/** The stored size of a row with its key. */
export function rowBytes(key: string, row: PackedRow): number {
  return ROW_HEADER_BYTES + key.length + row.length;
}

/** The redo a row change writes: the new image (or just the key for a delete) plus the mutator overhead. */
export function redoBytes(key: string, row: PackedRow | null): number {
  return REDO_ROW_OVERHEAD_BYTES + (row === null ? key.length : rowBytes(key, row));
}
