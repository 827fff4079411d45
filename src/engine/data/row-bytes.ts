/**
 * How many bytes a row takes on disk and in the redo log, as a deterministic estimate: OceanBase's row format
 * stores a small header, each column's value (fixed 8 bytes for numbers, the bytes for strings) and the rowkey.
 * The figures only have to be plausible and stable: they decide how fast a tablet fills its 2 MB macroblocks and
 * how much log a commit adds to the archive's INPUT_BYTES.
 */
import type { StoredRow, StoredValue } from '../state.js';

/** Row header (flag, column count, offsets) per row. */
const ROW_HEADER_BYTES = 16;
/** Redo overhead per row change (mutator header, tablet id, SCN, checksum). */
const REDO_ROW_OVERHEAD_BYTES = 48;

function valueBytes(v: StoredValue): number {
  if (v === null) return 1;
  if (typeof v === 'string') return 2 + utf8Length(v);
  return 8;
}

/** UTF-8 length without allocating (strings are mostly ASCII, so this is a fast count). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** The stored size of a row with its key. */
export function rowBytes(key: string, row: StoredRow): number {
  let n = ROW_HEADER_BYTES + utf8Length(key);
  for (const v of row) n += valueBytes(v);
  return n;
}

/** The redo a row change writes: the new image (or just the key for a delete) plus the mutator overhead. */
export function redoBytes(key: string, row: StoredRow | null): number {
  return REDO_ROW_OVERHEAD_BYTES + (row === null ? utf8Length(key) : rowBytes(key, row));
}
