/** Converting values to the category an operator computes in (bigint, decimal, double), as MySQL casts them. */
import { obErrorWith } from '../errors.js';
import { Decimal, Temporal, type SqlValue } from '../result.js';
import { decRound, rescale } from './decimal-math.js';
import { fail } from './scope.js';
import { stringToDouble, stringToExact, temporalToDouble, toDouble } from './values.js';

export const MIN_BIGINT = -(2n ** 63n);
export const MAX_BIGINT = 2n ** 63n - 1n;

export function asDouble(v: Exclude<SqlValue, null>, zone: string | undefined): number {
  return toDouble(v, zone);
}

/** As an integer, rounding decimals and doubles half away from zero (MySQL's CAST AS SIGNED rounds). */
export function asBigint(v: Exclude<SqlValue, null>, zone: string | undefined): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof Decimal) return decRound(v, 0, false).unscaled;
  if (typeof v === 'string') {
    const exact = stringToExact(v);
    if (typeof exact === 'bigint') return clampBig(exact);
    if (exact instanceof Decimal) return clampBig(decRound(exact, 0, false).unscaled);
    return doubleToBig(stringToDouble(v));
  }
  if (v instanceof Temporal) return doubleToBig(temporalToDouble(v, zone));
  return doubleToBig(v);
}

function clampBig(n: bigint): bigint {
  return n > MAX_BIGINT ? MAX_BIGINT : n < MIN_BIGINT ? MIN_BIGINT : n;
}

function doubleToBig(n: number): bigint {
  if (!Number.isFinite(n)) return n > 0 ? MAX_BIGINT : MIN_BIGINT;
  return clampBig(BigInt(Math.sign(n) * Math.round(Math.abs(n))));
}

/** As an exact decimal; doubles go through their shortest text. */
export function asDecimal(v: Exclude<SqlValue, null>, zone: string | undefined): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'bigint') return new Decimal(v, 0);
  if (typeof v === 'string') {
    const exact = stringToExact(v);
    if (exact !== undefined) return typeof exact === 'bigint' ? new Decimal(exact, 0) : exact;
    return doubleToDecimal(stringToDouble(v));
  }
  if (v instanceof Temporal) return doubleToDecimal(temporalToDouble(v, zone));
  return doubleToDecimal(v);
}

export function doubleToDecimal(n: number): Decimal {
  if (!Number.isFinite(n)) return new Decimal(0n, 0);
  const text = Math.abs(n) < 1e21 ? n.toFixed(Math.min(Math.max(0, 17 - Math.floor(Math.log10(Math.abs(n) || 1))), 30)) : BigInt(n).toString();
  const [whole = '0', frac = ''] = text.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return new Decimal(BigInt(`${whole}${trimmed}`), trimmed.length);
}

/** Checks a BIGINT result, failing with MySQL's 1690 text naming the expression. */
export function checkBigint(n: bigint, exprText: () => string): bigint {
  if (n > MAX_BIGINT || n < MIN_BIGINT) fail(obErrorWith('OB_OPERATE_OVERFLOW', 'BIGINT', exprText()));
  return n;
}

export function toScale(d: Decimal, scale: number): Decimal {
  return rescale(d, scale);
}
