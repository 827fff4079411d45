/**
 * Exact decimal arithmetic on result.ts Decimal (unscaled bigint, scale), as MySQL's DECIMAL does it: sums keep
 * the larger scale, products add scales, quotients and ROUND round half away from zero.
 */
import { Decimal } from '../result.js';

const TEN = 10n;

/**
 * 10^0 … 10^130, computed once: a bulk INSERT into a DECIMAL column asks for a few powers per row, and each
 * `10n ** BigInt(n)` allocated two bigints (bigints are immutable, so sharing them is safe).
 */
const POWERS: readonly bigint[] = Array.from({ length: 131 }, (_, n) => TEN ** BigInt(n));

export function pow10(n: number): bigint {
  return POWERS[n] ?? TEN ** BigInt(n);
}

export function rescale(d: Decimal, scale: number): Decimal {
  if (scale === d.scale) return d;
  if (scale > d.scale) return new Decimal(d.unscaled * pow10(scale - d.scale), scale);
  return new Decimal(divRound(d.unscaled, pow10(d.scale - scale)), scale);
}

/** Integer division rounding half away from zero. */
export function divRound(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  const q = (aa * 2n + bb) / (bb * 2n);
  return negative ? -q : q;
}

export function decAdd(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.scale, b.scale);
  return new Decimal(rescale(a, s).unscaled + rescale(b, s).unscaled, s);
}

export function decSub(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.scale, b.scale);
  return new Decimal(rescale(a, s).unscaled - rescale(b, s).unscaled, s);
}

export function decMul(a: Decimal, b: Decimal): Decimal {
  return new Decimal(a.unscaled * b.unscaled, a.scale + b.scale);
}

/** a / b with the given result scale, rounded; undefined when b is zero. */
export function decDiv(a: Decimal, b: Decimal, scale: number): Decimal | undefined {
  if (b.unscaled === 0n) return undefined;
  // a/b = (ua/10^sa)/(ub/10^sb); scaled by 10^scale: ua*10^(scale - sa + sb) / ub
  const shift = scale - a.scale + b.scale;
  const num = shift >= 0 ? a.unscaled * pow10(shift) : a.unscaled;
  const den = shift >= 0 ? b.unscaled : b.unscaled * pow10(-shift);
  return new Decimal(divRound(num, den), scale);
}

export function decCompare(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = rescale(a, s).unscaled;
  const y = rescale(b, s).unscaled;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** ROUND(d, places): half away from zero; negative places round left of the point. Result scale max(places, 0). */
export function decRound(d: Decimal, places: number, truncate: boolean): Decimal {
  const target = Math.max(places, 0);
  if (places >= d.scale) return rescale(d, target);
  const unit = pow10(d.scale - places);
  const q = truncate ? d.unscaled / unit : divRound(d.unscaled, unit);
  // q is in units of 10^-places; bring it to the target scale
  return places >= 0 ? new Decimal(q, places) : new Decimal(q * pow10(-places), 0);
}

export function decFromBigint(n: bigint): Decimal {
  return new Decimal(n, 0);
}

export function decToNumber(d: Decimal): number {
  return Number(d.toString());
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Parses plain decimal text (`-12.50`); undefined unless it is exactly that. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  const unscaled = BigInt(`${m[2] || '0'}${fraction}`);
  return new Decimal(m[1] === '-' ? -unscaled : unscaled, fraction.length);
}

/** Number of digits left of the point (at least 1), for decimal precision. */
export function intDigits(d: Decimal): number {
  const u = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  return Math.max(u.toString().length - d.scale, 1);
}
