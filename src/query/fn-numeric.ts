/** ABS, FLOOR, CEIL, ROUND, TRUNCATE, MOD: exact on integers and decimals (half away from zero), approximate on doubles. */
import { Decimal, type SqlType, type SqlValue } from '../result.js';
import { decRound, pow10 } from './decimal-math.js';
import type { FnTable } from './fn-def.js';
import { asBigint, asDecimal, asDouble, checkBigint } from './numeric.js';
import type { Compiled, Scope } from './scope.js';
import { bigintOf, categoryOf, decimal, DOUBLE, intDigitsOf, scaleOf } from './types.js';

type Cat = 'int' | 'decimal' | 'double';

function cat(t: SqlType): Cat {
  const c = categoryOf(t);
  return c === 'int' || c === 'decimal' ? c : 'double';
}

/** ROUND / TRUNCATE of an integer to 10^-places (places < 0 rounds left of the point). */
function roundInt(n: bigint, places: bigint, truncate: boolean): bigint {
  if (places >= 0n) return n;
  if (places < -19n) return 0n;
  const unit = pow10(Number(-places));
  const q = truncate ? n / unit : decRound(new Decimal(n, 0), Number(places), false).unscaled / unit;
  return q * unit;
}

function roundDouble(x: number, places: number, truncate: boolean): number {
  const f = 10 ** places;
  const scaled = x * f;
  const r = truncate ? Math.trunc(scaled) : Math.sign(scaled) * Math.round(Math.abs(scaled));
  return r / f;
}

function rounding(truncate: boolean): FnTable[string] {
  return {
    min: truncate ? 2 : 1,
    max: 2,
    compile: ([x, d], scope) => {
      const zone = scope.ctx.timeZone;
      const c = cat(x!.type);
      const fixed = d === undefined ? 0 : d.constant ? Number(asBigint(d.fn([], []) ?? 0n, zone)) : undefined;
      const xf = x!.fn;
      const df = d?.fn;
      const places = (r: readonly SqlValue[], g: readonly SqlValue[]): bigint | null => {
        if (!df) return 0n;
        const v = df(r, g);
        return v === null ? null : asBigint(v, zone);
      };
      const scale = c === 'decimal' ? (fixed === undefined ? scaleOf(x!.type) : Math.min(Math.max(fixed, 0), 30)) : 0;
      const type: SqlType =
        c === 'int' ? bigintOf(intDigitsOf(x!.type)) : c === 'decimal' ? decimal(intDigitsOf(x!.type) + 1 + scale, scale) : DOUBLE;
      return {
        type,
        nullable: x!.nullable || (d?.nullable ?? false),
        fn: (r, g) => {
          const v = xf(r, g);
          const p = places(r, g);
          if (v === null || p === null) return null;
          if (c === 'int') return roundInt(asBigint(v, zone), p, truncate);
          if (c === 'decimal') {
            const clamped = p > 30n ? 30 : p < -65n ? -65 : Number(p);
            return decRound(asDecimal(v, zone), clamped, truncate);
          }
          return roundDouble(asDouble(v, zone), Number(p > 30n ? 30n : p < -30n ? -30n : p), truncate);
        },
      };
    },
  };
}

function floorCeil(up: boolean): FnTable[string] {
  return {
    min: 1,
    max: 1,
    compile: ([x], scope) => {
      const zone = scope.ctx.timeZone;
      const c = cat(x!.type);
      const xf = x!.fn;
      const wide = intDigitsOf(x!.type) >= 18;
      return {
        // MySQL: FLOOR of a DECIMAL is a BIGINT when its integer part fits in 18 digits, else a DECIMAL(p, 0).
        type: c === 'double' ? DOUBLE : c === 'int' ? x!.type : wide ? decimal(intDigitsOf(x!.type) + 1, 0) : bigintOf(intDigitsOf(x!.type) + 1),
        nullable: x!.nullable,
        fn: (r, g) => {
          const v = xf(r, g);
          if (v === null) return null;
          if (c === 'int') return asBigint(v, zone);
          if (c === 'double') return up ? Math.ceil(asDouble(v, zone)) : Math.floor(asDouble(v, zone));
          const d = asDecimal(v, zone);
          const unit = pow10(d.scale);
          let q = d.unscaled / unit;
          const rem = d.unscaled % unit;
          if (rem !== 0n && (rem > 0n) === up) q += up ? 1n : -1n;
          return wide ? new Decimal(q, 0) : q;
        },
      };
    },
  };
}

function abs(args: readonly Compiled[], scope: Scope): Compiled {
  const x = args[0]!;
  const zone = scope.ctx.timeZone;
  const c = cat(x.type);
  const xf = x.fn;
  return {
    type: c === 'double' ? DOUBLE : x.type,
    nullable: x.nullable,
    fn: (r, g) => {
      const v = xf(r, g);
      if (v === null) return null;
      if (c === 'int') {
        const n = asBigint(v, zone);
        return checkBigint(n < 0n ? -n : n, () => `abs(${n})`);
      }
      if (c === 'decimal') {
        const d = asDecimal(v, zone);
        return d.unscaled < 0n ? new Decimal(-d.unscaled, d.scale) : d;
      }
      return Math.abs(asDouble(v, zone));
    },
  };
}

export const NUMERIC_FUNCTIONS: FnTable = {
  ABS: { min: 1, max: 1, compile: abs },
  FLOOR: floorCeil(false),
  CEIL: floorCeil(true),
  CEILING: floorCeil(true),
  ROUND: rounding(false),
  TRUNCATE: rounding(true),
};
