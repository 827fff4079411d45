/**
 * Encoded rows, kept for rows that are frozen. A view that builds its rows once (the job history) hands the same
 * frozen arrays to every poll, and encoding them again, value by value, was most of what such a SELECT * cost.
 * Frozen is the row's promise that it never changes; any other row is encoded every time.
 *
 * An encoding depends on the row, the wire columns (type, fraction digits, signedness), the protocol, and the
 * session's time zone (times render in it), so it is reused only when all of them are the same. Columns are
 * compared by identity: wireColumns hands out one object per distinct column.
 */
import type { SqlValue } from '../result.js';
import type { WireColumn } from './column-definition.js';
import type { PacketWriter } from './packet-writer.js';
import { writeBinaryRow, writeTextRow, type OffsetOf } from './rows.js';

type Row = readonly SqlValue[];

interface Encoded {
  readonly cols: readonly WireColumn[];
  readonly timeZone: string | undefined;
  readonly payload: Buffer;
}

const textRows = new WeakMap<Row, Encoded>();
const binaryRows = new WeakMap<Row, Encoded>();

/** The row as one packet, in the text or binary protocol, from the kept encoding when it still holds. */
export function writeRow(out: PacketWriter, cols: readonly WireColumn[], row: Row, offsetOf: OffsetOf, timeZone: string | undefined, binary: boolean): void {
  // Looked up first: only frozen rows are kept, so a hit needs no Object.isFrozen, which is a call into the runtime.
  const kept = binary ? binaryRows : textRows;
  const hit = kept.get(row);
  if (hit !== undefined && hit.timeZone === timeZone && sameColumns(hit.cols, cols)) {
    out.packet(hit.payload);
    return;
  }
  const write = binary ? writeBinaryRow : writeTextRow;
  if (!Object.isFrozen(row)) {
    write(out, cols, row, offsetOf);
    return;
  }
  const mark = out.pending;
  write(out, cols, row, offsetOf);
  const payload = out.copyPayloadSince(mark);
  if (payload !== undefined) kept.set(row, { cols, timeZone, payload });
}

function sameColumns(a: readonly WireColumn[], b: readonly WireColumn[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
