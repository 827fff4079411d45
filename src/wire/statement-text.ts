/**
 * The text of a COM_QUERY, decoded once for a run of the same statement. Pollers and pools send one statement over
 * and over; comparing its bytes with the last ones costs less than decoding UTF-8 into a new string, and handing the
 * session the very same string lets the parse cache find it without hashing and comparing a new one.
 */
import type { PacketReader } from './packet-reader.js';

/** Longer statements are decoded every time: keeping a copy of their bytes would cost more than it saves. */
const KEEP_BYTES = 4096;
/** Up to this length a loop compares faster than Buffer#compare, whose call into C++ costs about what decoding does. */
const LOOP_BYTES = 64;

export class LastStatementText {
  private bytes: Buffer | undefined;
  private text = '';

  /** The rest of the reader's payload as text, as PacketReader.restText gives it. */
  read(r: PacketReader): string {
    const { buf, pos } = r;
    const length = buf.length - pos;
    const last = this.bytes;
    if (last !== undefined && last.length === length && sameBytes(buf, pos, last)) {
      r.pos = buf.length;
      return this.text;
    }
    const text = r.restText();
    if (length <= KEEP_BYTES) {
      this.bytes = Buffer.from(buf.subarray(pos));
      this.text = text;
    }
    return text;
  }
}

/** Whether `buf` from `pos` on holds exactly `last`'s bytes (the lengths are known to be equal). */
function sameBytes(buf: Buffer, pos: number, last: Buffer): boolean {
  if (last.length > LOOP_BYTES) return buf.compare(last, 0, last.length, pos) === 0;
  for (let i = 0; i < last.length; i++) if (buf[pos + i] !== last[i]) return false;
  return true;
}
