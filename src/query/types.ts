/**
 * Static result types of expressions, so a column definition can be sent before any row (COM_STMT_PREPARE) and
 * integers never carry fractions: the category decides how a value is computed, the SqlType how it is declared.
 */
import { Decimal, Temporal, type SqlType, type SqlValue } from '../result.js';
import { intDigits } from './decimal-math.js';

export type Category = 'int' | 'decimal' | 'double' | 'string' | 'temporal';

export function categoryOf(t: SqlType): Category {
  switch (t.base) {
    case 'bigint':
    case 'int':
    case 'mediumint':
    case 'smallint':
    case 'tinyint':
      return 'int';
    case 'decimal':
      return 'decimal';
    case 'double':
    case 'float':
      return 'double';
    case 'varchar':
    case 'char':
    case 'longtext':
    case 'mediumtext':
    case 'tinytext':
    case 'text':
      return 'string';
    case 'timestamp':
    case 'datetime':
    case 'date':
      return 'temporal';
  }
}

export const BIGINT: SqlType = { base: 'bigint', width: 20, unsigned: false };
export const DOUBLE: SqlType = { base: 'double' };
export const DATETIME0: SqlType = { base: 'datetime', fsp: 0 };

export function bigintOf(width: number): SqlType {
  return { base: 'bigint', width: Math.min(Math.max(width, 1), 21), unsigned: false };
}

export function varchar(length: number): SqlType {
  return { base: 'varchar', length: Math.max(0, Math.min(length, 262144)) };
}

export function decimal(precision: number, scale: number): SqlType {
  const s = Math.min(Math.max(scale, 0), 30);
  return { base: 'decimal', precision: Math.min(Math.max(precision, s, 1), 65), scale: s };
}

/** Digits after the point: a decimal's scale, 0 for integers, 31 (MySQL's "not fixed") otherwise. */
export function scaleOf(t: SqlType): number {
  if (t.base === 'decimal') return t.scale;
  if (categoryOf(t) === 'int') return 0;
  if (t.base === 'timestamp' || t.base === 'datetime') return t.fsp;
  return 0;
}

/** Digits left of the point a value of this type may have. */
export function intDigitsOf(t: SqlType): number {
  if (t.base === 'decimal') return Math.max(t.precision - t.scale, 1);
  if (t.base === 'bigint' || t.base === 'int' || t.base === 'mediumint' || t.base === 'smallint' || t.base === 'tinyint') return t.width;
  return 20;
}

/** Display length of a value of this type as text, for varchar results (CONCAT, CAST AS CHAR). */
export function textLength(t: SqlType): number {
  switch (t.base) {
    case 'bigint':
    case 'int':
    case 'mediumint':
    case 'smallint':
    case 'tinyint':
      return t.width;
    case 'decimal':
      return t.precision + (t.scale > 0 ? 2 : 1);
    case 'double':
    case 'float':
      return 23;
    case 'varchar':
    case 'char':
      return t.length;
    case 'longtext':
    case 'mediumtext':
      return 262144;
    case 'tinytext':
      return 255;
    case 'text':
      return 65535;
    case 'timestamp':
    case 'datetime':
      return 19 + (t.fsp > 0 ? t.fsp + 1 : 0);
    case 'date':
      return 10;
  }
}

/** The type of a runtime value whose type nothing declared (a bound parameter, a user variable). */
export function typeOfValue(v: SqlValue): SqlType {
  if (v === null) return varchar(0);
  if (typeof v === 'bigint') return bigintOf(v.toString().length);
  if (typeof v === 'number') return DOUBLE;
  if (typeof v === 'string') return varchar(v.length);
  if (v instanceof Decimal) return decimal(intDigits(v) + v.scale, v.scale);
  if (v instanceof Temporal) {
    if (v.type === 'DATE') return { base: 'date' };
    return { base: v.type === 'TIMESTAMP' ? 'timestamp' : 'datetime', fsp: v.utcMicros % 1000000n === 0n ? 0 : 6 };
  }
  return varchar(0);
}

/** The common type of several branches (IF, CASE, COALESCE, IFNULL, GREATEST): MySQL's type aggregation. */
export function unionType(types: readonly SqlType[]): SqlType {
  const cats = new Set(types.map(categoryOf));
  if (cats.size === 0) return varchar(0);
  if (cats.size === 1 && cats.has('temporal')) {
    const fsp = Math.max(...types.map(scaleOf));
    const first = types[0];
    const allSame = types.every((t) => t.base === first?.base);
    return allSame && first ? (first.base === 'date' ? first : { base: first.base as 'datetime', fsp }) : { base: 'datetime', fsp };
  }
  if (cats.has('string') || cats.has('temporal')) return varchar(Math.max(...types.map(textLength)));
  if (cats.has('double')) return DOUBLE;
  if (cats.has('decimal')) {
    const scale = Math.max(...types.map(scaleOf));
    return decimal(Math.max(...types.map(intDigitsOf)) + scale, scale);
  }
  return bigintOf(Math.max(...types.map(intDigitsOf)));
}
