/**
 * COM_STMT_EXECUTE's parameter block: NULL bitmap, new-params-bound flag with (type, flags) pairs, then the values
 * in binary form. Types bound by an earlier execution are reused when the flag is 0 (libmariadb and mysql2 send
 * them once). Parameters fed by COM_STMT_SEND_LONG_DATA have no value in the packet.
 */
import { Decimal, NO_PARAMETERS, type SqlValue } from '../result.js';
import { MalformedPacketError, type PacketReader } from './packet-reader.js';
import { FieldType } from './protocol.js';

export class WrongParameterError extends Error {
  override readonly name = 'WrongParameterError';
}

export interface ExecuteState {
  readonly paramCount: number;
  /** (type | unsigned << 8) per parameter, from the last execution that bound them. */
  boundTypes: Uint16Array | null;
  /** Long data per parameter index, appended by COM_STMT_SEND_LONG_DATA. */
  readonly longData: Map<number, Buffer[]>;
}

/** Reads the parameters after stmt id, flags and iteration count. */
export function readParameters(r: PacketReader, st: ExecuteState): readonly SqlValue[] {
  const n = st.paramCount;
  if (n === 0) return NO_PARAMETERS;
  const nulls = r.bytes((n + 7) >> 3);
  if (r.u8() === 1) {
    const types = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const type = r.u8();
      types[i] = type | ((r.u8() & 0x80) << 1);
    }
    st.boundTypes = types;
  }
  const types = st.boundTypes;
  if (types === null) throw new WrongParameterError('parameters were never bound');
  const values: SqlValue[] = new Array<SqlValue>(n);
  for (let i = 0; i < n; i++) {
    const long = st.longData.get(i);
    if (long !== undefined) values[i] = Buffer.concat(long).toString('utf8');
    else if (((nulls[i >> 3] as number) >> (i & 7)) & 1) values[i] = null;
    else values[i] = readValue(r, (types[i] as number) & 0xff, ((types[i] as number) & 0x100) !== 0);
  }
  return values;
}

function readValue(r: PacketReader, type: number, unsigned: boolean): SqlValue {
  switch (type) {
    case FieldType.NULL:
      return null;
    case FieldType.TINY: {
      const v = r.u8();
      return BigInt(unsigned ? v : (v << 24) >> 24);
    }
    case FieldType.SHORT:
    case FieldType.YEAR: {
      const v = r.u16();
      return BigInt(unsigned ? v : (v << 16) >> 16);
    }
    case FieldType.LONG:
    case FieldType.INT24: {
      const b = r.bytes(4);
      return BigInt(unsigned ? b.readUInt32LE(0) : b.readInt32LE(0));
    }
    case FieldType.LONGLONG: {
      const b = r.bytes(8);
      return unsigned ? b.readBigUInt64LE(0) : b.readBigInt64LE(0);
    }
    case FieldType.FLOAT:
      return r.bytes(4).readFloatLE(0);
    case FieldType.DOUBLE:
      return r.bytes(8).readDoubleLE(0);
    case FieldType.DECIMAL:
    case FieldType.NEWDECIMAL:
      return parseDecimal(r.lenencStr());
    case FieldType.DATE:
    case FieldType.NEWDATE:
    case FieldType.DATETIME:
    case FieldType.TIMESTAMP:
      return readDate(r, type === FieldType.DATE || type === FieldType.NEWDATE);
    case FieldType.TIME:
      return readTime(r);
    case FieldType.VARCHAR:
    case FieldType.BIT:
    case FieldType.JSON:
    case FieldType.ENUM:
    case FieldType.SET:
    case FieldType.TINY_BLOB:
    case FieldType.MEDIUM_BLOB:
    case FieldType.LONG_BLOB:
    case FieldType.BLOB:
    case FieldType.VAR_STRING:
    case FieldType.STRING:
    case FieldType.GEOMETRY:
      return r.lenencStr();
    default:
      throw new WrongParameterError(`parameter type 0x${type.toString(16)} is not a MySQL type`);
  }
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** '-12.340' as Decimal(-12340n, 3); text that is not a plain decimal stays a string for the evaluator to judge. */
export function parseDecimal(text: string): SqlValue {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (m === null || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return text;
  const fraction = m[3] ?? '';
  const unscaled = BigInt(`${m[1] ?? ''}${m[2] || '0'}${fraction}`);
  return new Decimal(unscaled, fraction.length);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function readDate(r: PacketReader, dateOnly: boolean): string {
  const length = r.u8();
  if (length !== 0 && length !== 4 && length !== 7 && length !== 11) throw new MalformedPacketError(`date of length ${length}`);
  const year = length >= 4 ? r.u16() : 0;
  const month = length >= 4 ? r.u8() : 0;
  const day = length >= 4 ? r.u8() : 0;
  const date = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
  if (dateOnly) {
    if (length > 4) r.skip(length - 4);
    return date;
  }
  const h = length >= 7 ? r.u8() : 0;
  const m = length >= 7 ? r.u8() : 0;
  const s = length >= 7 ? r.u8() : 0;
  const micro = length === 11 ? r.u32() : 0;
  return `${date} ${two(h)}:${two(m)}:${two(s)}${micro ? `.${String(micro).padStart(6, '0')}` : ''}`;
}

function readTime(r: PacketReader): string {
  const length = r.u8();
  if (length === 0) return '00:00:00';
  if (length !== 8 && length !== 12) throw new MalformedPacketError(`time of length ${length}`);
  const negative = r.u8() === 1;
  const days = r.u32();
  const h = r.u8() + days * 24;
  const m = r.u8();
  const s = r.u8();
  const micro = length === 12 ? r.u32() : 0;
  return `${negative ? '-' : ''}${two(h)}:${two(m)}:${two(s)}${micro ? `.${String(micro).padStart(6, '0')}` : ''}`;
}
