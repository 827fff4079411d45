/**
 * Bringing a value to its declared column type, so what the wire sends matches the column definition: integers
 * as bigint, decimals at the declared scale, strings as text (times in the session zone).
 */
import { Decimal, Temporal, type SqlType, type SqlValue } from '../result.js';
import { rescale } from './decimal-math.js';
import { asBigint, asDecimal, asDouble } from './numeric.js';
import type { Compiled, RowFn } from './scope.js';
import { categoryOf, scaleOf } from './types.js';
import { parseDateTime } from './time.js';
import { textOf } from './values.js';

export function coerceValue(v: SqlValue, to: SqlType, fromFsp: number, zone: string | undefined): SqlValue {
  if (v === null) return null;
  switch (categoryOf(to)) {
    case 'int':
      return typeof v === 'bigint' ? v : asBigint(v, zone);
    case 'decimal': {
      const d = asDecimal(v, zone);
      return to.base === 'decimal' && d.scale !== to.scale ? rescale(d, to.scale) : d;
    }
    case 'double':
      return typeof v === 'number' ? v : asDouble(v, zone);
    case 'string':
      return typeof v === 'string' ? v : textOf(v, fromFsp, zone);
    case 'temporal': {
      const kind = to.base === 'timestamp' ? 'TIMESTAMP' : to.base === 'date' ? 'DATE' : 'DATETIME';
      if (v instanceof Temporal) return v.type === kind ? v : new Temporal(kind, v.utcMicros);
      const t = parseDateTime(textOf(v, 0, zone), zone);
      return t === undefined ? null : new Temporal(kind, t);
    }
  }
}

/** True when `v` is already of type `to`: coerceValue would return `v` itself. */
export function isCoerced(v: SqlValue, to: SqlType): boolean {
  if (v === null) return true;
  switch (categoryOf(to)) {
    case 'int':
      return typeof v === 'bigint';
    case 'decimal':
      return v instanceof Decimal && to.base === 'decimal' && v.scale === to.scale;
    case 'double':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'temporal':
      return v instanceof Temporal && v.type === (to.base === 'timestamp' ? 'TIMESTAMP' : to.base === 'date' ? 'DATE' : 'DATETIME');
  }
}

/** `c` computed, then brought to `to` (identity when the types already agree). */
export function coerceTo(c: Compiled, to: SqlType, zone: string | undefined): RowFn {
  const f = c.fn;
  const same = categoryOf(c.type) === categoryOf(to) && (to.base !== 'decimal' || scaleOf(c.type) === to.scale);
  if (same) return f;
  const fsp = scaleOf(c.type);
  return (row, a) => coerceValue(f(row, a), to, fsp, zone);
}
