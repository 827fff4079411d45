/**
 * Result rows in both protocols. Text rows: every value a length-encoded string, NULL as 0xFB; bigint as decimal
 * digits, Decimal via toString, times in the session's time zone with the column's fraction digits. Binary rows
 * (COM_STMT_EXECUTE): a 0x00 header, a NULL bitmap with offset 2, then each value in its type's binary form.
 */
import { Decimal, Temporal, type SqlValue } from '../result.js';
import { InvariantError } from '../errors.js';
import type { WireColumn } from './column-definition.js';
import type { PacketWriter } from './packet-writer.js';
import { FieldType } from './protocol.js';
import { formatDate, formatDateTime, parseDateTimeText, temporalFields, type DateTimeFields } from './temporal.js';

export type OffsetOf = (utcMicros: bigint) => number;

/** Shortest round-trip digits, with MySQL's exponent form (1e21, not 1e+21). */
export function formatDouble(n: number): string {
  return String(n).replace('e+', 'e');
}

function temporalText(v: Temporal, col: WireColumn, offsetOf: OffsetOf): string {
  const f = temporalFields(v, v.type === 'DATE' ? 0 : offsetOf(v.utcMicros));
  return v.type === 'DATE' || col.type === FieldType.DATE ? formatDate(f) : formatDateTime(f, col.fsp);
}

export function textValue(v: Exclude<SqlValue, null>, col: WireColumn, offsetOf: OffsetOf): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatDouble(v);
  if (v instanceof Decimal) return v.toString();
  return temporalText(v, col, offsetOf);
}

export function writeTextRow(w: PacketWriter, cols: readonly WireColumn[], row: readonly SqlValue[], offsetOf: OffsetOf): void {
  w.begin();
  for (let i = 0; i < cols.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) w.u8(0xfb);
    else w.lenencStr(textValue(v, cols[i] as WireColumn, offsetOf));
  }
  w.end();
}

export function writeBinaryRow(w: PacketWriter, cols: readonly WireColumn[], row: readonly SqlValue[], offsetOf: OffsetOf): void {
  w.begin().u8(0x00);
  const bitmap = w.zeroBits((cols.length + 9) >> 3);
  for (let i = 0; i < cols.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) w.setBit(bitmap, i + 2);
  }
  for (let i = 0; i < cols.length; i++) {
    const v = row[i];
    if (v !== null && v !== undefined) writeBinaryValue(w, cols[i] as WireColumn, v, offsetOf);
  }
  w.end();
}

function writeBinaryValue(w: PacketWriter, col: WireColumn, v: Exclude<SqlValue, null>, offsetOf: OffsetOf): void {
  switch (col.type) {
    case FieldType.LONGLONG: {
      if (typeof v === 'bigint') {
        const small = Number(v);
        // A safe integer is the bigint's exact value (larger ones round to 2^53 or beyond), and fits 64 bits;
        // an unsigned column takes the same bytes for a non-negative value.
        if (Number.isSafeInteger(small) && (small >= 0 || !col.unsigned)) {
          w.i64Safe(small);
          return;
        }
      }
      const n = toBigInt(v, col);
      checkRange(n, col, 64);
      if (col.unsigned) w.u64(n);
      else w.i64(n);
      return;
    }
    case FieldType.LONG: {
      const n = toBigInt(v, col);
      checkRange(n, col, 32);
      w.u32(Number(BigInt.asUintN(32, n)));
      return;
    }
    case FieldType.INT24: {
      // MEDIUMINT travels in four bytes in the binary protocol, as INT does.
      const n = toBigInt(v, col);
      checkRange(n, col, 24);
      w.u32(Number(BigInt.asUintN(32, n)));
      return;
    }
    case FieldType.SHORT: {
      const n = toBigInt(v, col);
      checkRange(n, col, 16);
      w.u16(Number(BigInt.asUintN(16, n)));
      return;
    }
    case FieldType.TINY: {
      const n = toBigInt(v, col);
      checkRange(n, col, 8);
      w.u8(Number(BigInt.asUintN(8, n)));
      return;
    }
    case FieldType.FLOAT:
      w.f32(typeof v === 'number' ? v : Number(textValue(v, col, offsetOf)));
      return;
    case FieldType.DOUBLE:
      w.f64(typeof v === 'number' ? v : Number(textValue(v, col, offsetOf)));
      return;
    case FieldType.DATETIME:
    case FieldType.TIMESTAMP:
    case FieldType.DATE:
      writeBinaryDate(w, dateFields(v, col, offsetOf), col.type === FieldType.DATE);
      return;
    default:
      w.lenencStr(textValue(v, col, offsetOf));
  }
}

function toBigInt(v: Exclude<SqlValue, null>, col: WireColumn): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  if (v instanceof Decimal) return v.unscaled / 10n ** BigInt(v.scale);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return BigInt(v.trim());
  throw new InvariantError(`column ${col.def.name}: ${String(v)} is not an integer`);
}

function checkRange(n: bigint, col: WireColumn, bits: number): void {
  const ok = col.unsigned ? BigInt.asUintN(bits, n) === n : BigInt.asIntN(bits, n) === n;
  if (!ok) throw new InvariantError(`column ${col.def.name}: ${n} does not fit ${bits} bits`);
}

function dateFields(v: Exclude<SqlValue, null>, col: WireColumn, offsetOf: OffsetOf): DateTimeFields {
  if (v instanceof Temporal) return temporalFields(v, v.type === 'DATE' ? 0 : offsetOf(v.utcMicros));
  const parsed = typeof v === 'string' ? parseDateTimeText(v) : null;
  if (parsed === null) throw new InvariantError(`column ${col.def.name}: ${String(v)} is not a date`);
  return parsed;
}

/** MySQL's binary date: length 0, 4 (date), 7 (+ time) or 11 (+ microseconds), the shortest that is exact. */
function writeBinaryDate(w: PacketWriter, f: DateTimeFields, dateOnly: boolean): void {
  const hasTime = !dateOnly && (f.hour !== 0 || f.minute !== 0 || f.second !== 0 || f.micro !== 0);
  const hasMicro = !dateOnly && f.micro !== 0;
  if (!hasTime && f.year === 0 && f.month === 0 && f.day === 0) {
    w.u8(0);
    return;
  }
  w.u8(hasMicro ? 11 : hasTime ? 7 : 4).u16(f.year).u8(f.month).u8(f.day);
  if (hasTime) w.u8(f.hour).u8(f.minute).u8(f.second);
  if (hasMicro) w.u32(f.micro);
}
