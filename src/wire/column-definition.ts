/**
 * Column definitions: how a ColumnDef's SqlType appears on the wire (type code, charset, length, flags, decimals)
 * and the Protocol::ColumnDefinition41 payload. Payloads are encoded once per distinct column and reused by every
 * result that has that column.
 */
import type { ColumnDef, SqlType } from '../result.js';
import { Charset, ColumnFlag, FieldType } from './protocol.js';

export interface WireColumn {
  readonly def: ColumnDef;
  readonly type: number;
  readonly charset: number;
  readonly length: number;
  readonly flags: number;
  readonly decimals: number;
  readonly unsigned: boolean;
  /** Fraction digits of DATETIME / TIMESTAMP text. */
  readonly fsp: number;
  /** The ColumnDefinition41 payload (without COM_FIELD_LIST's default value). */
  readonly payload: Buffer;
}

interface TypeInfo {
  readonly type: number;
  readonly charset: number;
  readonly length: number;
  readonly flags: number;
  readonly decimals: number;
}

const NUMERIC = ColumnFlag.NUM | ColumnFlag.BINARY;
/** MySQL's NOT_FIXED_DEC: a DOUBLE without declared scale. */
const NOT_FIXED_DEC = 31;
/** Bytes per character of utf8mb4, which the column length counts in. */
const UTF8MB4_BYTES = 4;

function typeInfo(t: SqlType): TypeInfo {
  switch (t.base) {
    case 'bigint':
      return { type: FieldType.LONGLONG, charset: Charset.BINARY, length: t.width, flags: NUMERIC, decimals: 0 };
    case 'int':
      return { type: FieldType.LONG, charset: Charset.BINARY, length: t.width, flags: NUMERIC, decimals: 0 };
    case 'mediumint':
      return { type: FieldType.INT24, charset: Charset.BINARY, length: t.width, flags: NUMERIC, decimals: 0 };
    case 'smallint':
      return { type: FieldType.SHORT, charset: Charset.BINARY, length: t.width, flags: NUMERIC, decimals: 0 };
    case 'tinyint':
      return { type: FieldType.TINY, charset: Charset.BINARY, length: t.width, flags: NUMERIC, decimals: 0 };
    case 'decimal': {
      // precision digits, a point when there is a scale, and a sign (my_decimal_precision_to_length).
      const length = t.precision + (t.scale > 0 ? 1 : 0) + 1;
      return { type: FieldType.NEWDECIMAL, charset: Charset.BINARY, length, flags: NUMERIC, decimals: t.scale };
    }
    case 'double':
      return { type: FieldType.DOUBLE, charset: Charset.BINARY, length: 22, flags: NUMERIC, decimals: NOT_FIXED_DEC };
    case 'float':
      return { type: FieldType.FLOAT, charset: Charset.BINARY, length: 12, flags: NUMERIC, decimals: NOT_FIXED_DEC };
    case 'varchar':
      return { type: FieldType.VAR_STRING, charset: Charset.UTF8MB4_BIN, length: t.length * UTF8MB4_BYTES, flags: 0, decimals: 0 };
    case 'char':
      return { type: FieldType.STRING, charset: Charset.UTF8MB4_BIN, length: t.length * UTF8MB4_BYTES, flags: 0, decimals: 0 };
    case 'longtext':
      return { type: FieldType.BLOB, charset: Charset.UTF8MB4_BIN, length: 0xffff_ffff, flags: ColumnFlag.BLOB, decimals: 0 };
    case 'mediumtext':
      return { type: FieldType.BLOB, charset: Charset.UTF8MB4_BIN, length: 0xff_ffff, flags: ColumnFlag.BLOB, decimals: 0 };
    case 'tinytext':
      return { type: FieldType.BLOB, charset: Charset.UTF8MB4_BIN, length: 0xff, flags: ColumnFlag.BLOB, decimals: 0 };
    case 'text':
      return { type: FieldType.BLOB, charset: Charset.UTF8MB4_BIN, length: 0xffff, flags: ColumnFlag.BLOB, decimals: 0 };
    case 'timestamp':
    case 'datetime': {
      const length = 19 + (t.fsp > 0 ? t.fsp + 1 : 0);
      const type = t.base === 'timestamp' ? FieldType.TIMESTAMP : FieldType.DATETIME;
      return { type, charset: Charset.BINARY, length, flags: ColumnFlag.BINARY, decimals: t.fsp };
    }
    case 'date':
      return { type: FieldType.DATE, charset: Charset.BINARY, length: 10, flags: ColumnFlag.BINARY, decimals: 0 };
  }
}

function lenencString(s: string): Buffer[] {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length < 251) return [Buffer.of(bytes.length), bytes];
  if (bytes.length < 0x1_0000) {
    const head = Buffer.alloc(3);
    head[0] = 0xfc;
    head.writeUInt16LE(bytes.length, 1);
    return [head, bytes];
  }
  // Names are at most 255 characters (query/plan.ts), but a schema or table name of any length must not kill the
  // connection: 0xfd carries three bytes of length, 0xfe eight.
  const head = Buffer.alloc(bytes.length < 0x100_0000 ? 4 : 9);
  head[0] = head.length === 4 ? 0xfd : 0xfe;
  if (head.length === 4) head.writeUIntLE(bytes.length, 1, 3);
  else head.writeBigUInt64LE(BigInt(bytes.length), 1);
  return [head, bytes];
}

export function toWireColumn(def: ColumnDef): WireColumn {
  const info = typeInfo(def.type);
  const unsigned = 'unsigned' in def.type && def.type.unsigned;
  const flags = info.flags | (unsigned ? ColumnFlag.UNSIGNED : 0) | (def.nullable ? 0 : ColumnFlag.NOT_NULL);
  const fixed = Buffer.alloc(13);
  fixed[0] = 0x0c;
  fixed.writeUInt16LE(info.charset, 1);
  fixed.writeUInt32LE(info.length, 3);
  fixed[7] = info.type;
  fixed.writeUInt16LE(flags, 8);
  fixed[10] = info.decimals;
  const payload = Buffer.concat([
    ...lenencString('def'),
    ...lenencString(def.schema ?? ''),
    ...lenencString(def.table ?? ''),
    ...lenencString(def.orgTable ?? ''),
    ...lenencString(def.name),
    ...lenencString(def.orgName ?? ''),
    fixed,
  ]);
  const fsp = def.type.base === 'timestamp' || def.type.base === 'datetime' ? def.type.fsp : 0;
  return { def, type: info.type, charset: info.charset, length: info.length, flags, decimals: info.decimals, unsigned, fsp, payload };
}

/**
 * Encoded columns by what they say. A SELECT builds fresh ColumnDef objects on every execution (its labels and
 * origins come from the statement), but their content repeats. Keyed by label, then compared field by field: no key string is built per column. Bounded: emptied when full,
 * which only costs re-encoding.
 */
const byName = new Map<string, WireColumn[]>();
const BY_NAME_MAX = 4096;

type TypeFields = Partial<Record<'width' | 'unsigned' | 'precision' | 'scale' | 'length' | 'fsp', unknown>>;

function sameType(a: SqlType, b: SqlType): boolean {
  if (a === b) return true;
  const x = a as TypeFields;
  const y = b as TypeFields;
  return (
    a.base === b.base && x.width === y.width && x.unsigned === y.unsigned && x.precision === y.precision && x.scale === y.scale && x.length === y.length && x.fsp === y.fsp
  );
}

function sameColumn(a: ColumnDef, b: ColumnDef): boolean {
  return (
    a.nullable === b.nullable &&
    (a.table ?? '') === (b.table ?? '') &&
    (a.orgTable ?? '') === (b.orgTable ?? '') &&
    (a.orgName ?? '') === (b.orgName ?? '') &&
    (a.schema ?? '') === (b.schema ?? '') &&
    sameType(a.type, b.type)
  );
}

function cachedWireColumn(def: ColumnDef): WireColumn {
  let candidates = byName.get(def.name);
  if (candidates !== undefined) {
    for (const c of candidates) if (sameColumn(c.def, def)) return c;
  } else {
    if (byName.size >= BY_NAME_MAX) byName.clear();
    candidates = [];
    byName.set(def.name, candidates);
  }
  const out = toWireColumn(def);
  // A label seen with many origins or types keeps only its latest few.
  if (candidates.length >= 16) candidates.shift();
  candidates.push(out);
  return out;
}

/**
 * Column lists seen before. A kept plan (src/query/plan-cache.ts) answers every run with the same list, so the
 * list itself is the key; a list met once costs one look-up more than the per-column cache alone.
 */
const byList = new WeakMap<readonly ColumnDef[], readonly WireColumn[]>();

/** The wire form of a column list, each distinct column encoded once. */
export function wireColumns(columns: readonly ColumnDef[]): readonly WireColumn[] {
  let wire = byList.get(columns);
  if (wire === undefined) {
    wire = columns.map(cachedWireColumn);
    byList.set(columns, wire);
  }
  return wire;
}

/** A prepared statement's parameter as MySQL describes it: `?`, VAR_STRING, binary. */
export const PARAMETER_DEFINITION: Buffer = toWireColumn({ name: '?', type: { base: 'varchar', length: 0 }, nullable: true }).payload;
PARAMETER_DEFINITION.writeUInt16LE(Charset.BINARY, PARAMETER_DEFINITION.length - 12);
PARAMETER_DEFINITION.writeUInt16LE(ColumnFlag.BINARY, PARAMETER_DEFINITION.length - 5);
