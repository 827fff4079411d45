/**
 * Rows at rest are packed into one flat string each: a 4-column row as an array costs ~140 bytes of V8 heap (the
 * array, its backing store and a string per text value); packed, about the characters it holds plus a 16-byte
 * header, which is what keeps a table near 150 bytes per row. A read unpacks the row it returns.
 *
 * Format, one value after another: `~` NULL; `n<number>;` a number (String(), which round-trips every double;
 * `m` is -0); `b<digits>;` a bigint; `s<length>:<chars>` a string (length in UTF-16 code units, so any content
 * is safe without escaping).
 */
import type { PackedRow, StoredRow, StoredValue } from '../state.js';

export function packRow(row: StoredRow): PackedRow {
  const parts: string[] = [];
  for (const v of row) {
    if (v === null) parts.push('~');
    else if (typeof v === 'string') parts.push('s', String(v.length), ':', v);
    else if (typeof v === 'bigint') parts.push('b', v.toString(), ';');
    else if (Object.is(v, -0)) parts.push('m');
    else parts.push('n', String(v), ';');
  }
  // join() returns a flat string; concatenation would keep a tree of pieces (more memory than the array).
  return parts.join('');
}

export function unpackRow(packed: PackedRow): StoredValue[] {
  const out: StoredValue[] = [];
  let i = 0;
  while (i < packed.length) {
    const tag = packed.charCodeAt(i++);
    if (tag === 0x7e /* ~ */) out.push(null);
    else if (tag === 0x6d /* m */) out.push(-0);
    else if (tag === 0x73 /* s */) {
      const colon = packed.indexOf(':', i);
      const len = Number(packed.slice(i, colon));
      out.push(packed.slice(colon + 1, colon + 1 + len));
      i = colon + 1 + len;
    } else {
      const end = packed.indexOf(';', i);
      const text = packed.slice(i, end);
      out.push(tag === 0x62 /* b */ ? BigInt(text) : Number(text));
      i = end + 1;
    }
  }
  return out;
}
