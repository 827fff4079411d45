/**
 * Time functions on the virtual clock: NOW / CURRENT_TIMESTAMP / SYSDATE / UTC_TIMESTAMP, OceanBase's
 * TIME_TO_USEC, USEC_TO_TIME and SCN_TO_TIMESTAMP (an SCN is nanoseconds since the epoch), UNIX_TIMESTAMP,
 * FROM_UNIXTIME and DATE_FORMAT.
 */
import { obErrorWith } from '../errors.js';
import { Decimal, Temporal, type SqlType, type SqlValue } from '../result.js';
import { pow10 } from './decimal-math.js';
import type { FnTable } from './fn-def.js';
import { asBigint, asDecimal } from './numeric.js';
import { fail, type Compiled, type Scope } from './scope.js';
import { formatTemporal, offsetMinutes, parseDateTime, toWallClock } from './time.js';
import { BIGINT, categoryOf, decimal, scaleOf, varchar } from './types.js';
import { textOf } from './values.js';

function fspArg(args: readonly Compiled[], scope: Scope): number {
  const a = args[0];
  if (!a) return 0;
  const v = a.constant ? a.fn([], []) : null;
  const fsp = v === null ? 0 : Number(asBigint(v, scope.ctx.timeZone));
  if (fsp < 0 || fsp > 6) fail(obErrorWith('OB_INVALID_ARGUMENT', 'now'));
  return fsp;
}

function truncateMicros(us: bigint, fsp: number): bigint {
  const unit = pow10(6 - fsp);
  return us - (((us % unit) + unit) % unit);
}

function clock(utc: boolean): FnTable[string] {
  return {
    min: 0,
    max: 1,
    compile: (args, scope) => {
      const fsp = fspArg(args, scope);
      let us = truncateMicros(scope.ctx.nowMicros, fsp);
      // UTC_TIMESTAMP shows UTC's wall clock; instants render in the session zone, so shift by its offset.
      if (utc) us -= BigInt(offsetMinutes(scope.ctx.timeZone, Number(us / 1000n))) * 60_000_000n;
      const value = new Temporal('DATETIME', us);
      return { type: { base: 'datetime', fsp }, nullable: false, fn: () => value, constant: true };
    },
  };
}

/** A time argument as an instant: times as they are, strings read in the session zone. */
function instant(c: Compiled, scope: Scope): (r: readonly SqlValue[], g: readonly SqlValue[]) => bigint | null {
  const f = c.fn;
  const zone = scope.ctx.timeZone;
  return (r, g) => {
    const v = f(r, g);
    if (v === null) return null;
    if (v instanceof Temporal) return v.utcMicros;
    return parseDateTime(textOf(v, 0, zone), zone) ?? null;
  };
}

function fromNumber(type: SqlType, toMicros: (v: Exclude<SqlValue, null>) => bigint | null): FnTable[string] {
  return {
    min: 1,
    max: 1,
    compile: ([a]) => {
      const f = a!.fn;
      const kind = type.base === 'timestamp' ? 'TIMESTAMP' : 'DATETIME';
      return {
        type,
        nullable: true,
        fn: (r, g) => {
          const v = f(r, g);
          const us = v === null ? null : toMicros(v);
          return us === null ? null : new Temporal(kind, us);
        },
      };
    },
  };
}

const DATE_FORMAT_SPEC: Record<string, (w: ReturnType<typeof toWallClock>) => string> = {
  Y: (w) => String(w.year).padStart(4, '0'),
  y: (w) => String(w.year % 100).padStart(2, '0'),
  m: (w) => String(w.month).padStart(2, '0'),
  c: (w) => String(w.month),
  d: (w) => String(w.day).padStart(2, '0'),
  e: (w) => String(w.day),
  H: (w) => String(w.hour).padStart(2, '0'),
  k: (w) => String(w.hour),
  h: (w) => String(((w.hour + 11) % 12) + 1).padStart(2, '0'),
  I: (w) => String(((w.hour + 11) % 12) + 1).padStart(2, '0'),
  l: (w) => String(((w.hour + 11) % 12) + 1),
  i: (w) => String(w.minute).padStart(2, '0'),
  s: (w) => String(w.second).padStart(2, '0'),
  S: (w) => String(w.second).padStart(2, '0'),
  f: (w) => String(w.micros).padStart(6, '0'),
  p: (w) => (w.hour < 12 ? 'AM' : 'PM'),
  T: (w) => [w.hour, w.minute, w.second].map((x) => String(x).padStart(2, '0')).join(':'),
  '%': () => '%',
};

export function dateFormat(us: bigint, format: string, zone: string | undefined): string {
  const w = toWallClock(us, zone);
  return format.replace(/%(.)/g, (_, c: string) => (DATE_FORMAT_SPEC[c] ?? ((): string => c))(w));
}

export const TIME_FUNCTIONS: FnTable = {
  NOW: clock(false),
  CURRENT_TIMESTAMP: clock(false),
  LOCALTIMESTAMP: clock(false),
  LOCALTIME: clock(false),
  SYSDATE: clock(false),
  UTC_TIMESTAMP: clock(true),
  TIME_TO_USEC: {
    min: 1,
    max: 1,
    compile: ([a], scope) => {
      const f = instant(a!, scope);
      return { type: BIGINT, nullable: true, fn: (r, g) => f(r, g) };
    },
  },
  USEC_TO_TIME: fromNumber({ base: 'timestamp', fsp: 6 }, (v) => asBigint(v, undefined)),
  SCN_TO_TIMESTAMP: fromNumber({ base: 'datetime', fsp: 6 }, (v) => asBigint(v, undefined) / 1000n),
  FROM_UNIXTIME: {
    min: 1,
    max: 2,
    compile: ([a, fmt], scope) => {
      const zone = scope.ctx.timeZone;
      const fsp = categoryOf(a!.type) === 'int' ? 0 : 6;
      const f = a!.fn;
      const ff = fmt?.fn;
      return {
        type: fmt ? varchar(64) : { base: 'datetime', fsp },
        nullable: true,
        fn: (r, g) => {
          const v = f(r, g);
          if (v === null) return null;
          const d = asDecimal(v, zone);
          if (d.unscaled < 0n) return null;
          const us = (d.unscaled * 1_000_000n) / pow10(d.scale);
          if (!ff) return new Temporal('DATETIME', us);
          const text = ff(r, g);
          return text === null ? null : dateFormat(us, textOf(text, 0, zone), zone);
        },
      };
    },
  },
  UNIX_TIMESTAMP: {
    min: 0,
    max: 1,
    compile: (args, scope) => {
      const a = args[0];
      if (!a) {
        const secs = scope.ctx.nowMicros / 1_000_000n;
        return { type: BIGINT, nullable: false, fn: () => secs, constant: true };
      }
      const f = instant(a, scope);
      const fsp = scaleOf(a.type);
      return {
        type: fsp > 0 ? decimal(17 + fsp, fsp) : BIGINT,
        nullable: true,
        fn: (r, g) => {
          const us = f(r, g);
          if (us === null) return null;
          return fsp > 0 ? new Decimal(us / pow10(6 - fsp), fsp) : us / 1_000_000n;
        },
      };
    },
  },
  DATE_FORMAT: {
    min: 2,
    max: 2,
    compile: ([a, fmt], scope) => {
      const zone = scope.ctx.timeZone;
      const f = instant(a!, scope);
      const ff = fmt!.fn;
      return {
        type: varchar(64),
        nullable: true,
        fn: (r, g) => {
          const us = f(r, g);
          const text = ff(r, g);
          return us === null || text === null ? null : dateFormat(us, textOf(text, 0, zone), zone);
        },
      };
    },
  },
};

export { formatTemporal };
