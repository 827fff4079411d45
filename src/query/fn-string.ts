/**
 * String functions: CONCAT, LOWER, UPPER, LENGTH, SUBSTR, REPLACE, REPEAT, LPAD, RPAD, TRIM, LEFT, RIGHT, LOCATE,
 * INSTR. Positions count characters. A function whose result would pass max_allowed_packet gives NULL, as MySQL's
 * and OceanBase's do (MySQL adds warning 1301), so nested REPLACE or REPEAT cannot grow a value without bound.
 */
import type { SqlValue } from '../result.js';
import type { FnTable } from './fn-def.js';
import { maxAllowedPacket } from './budget.js';
import { asBigint } from './numeric.js';
import type { Compiled, Scope } from './scope.js';
import { BIGINT, scaleOf, textLength, varchar } from './types.js';
import { textOf } from './values.js';

type Str = (row: readonly SqlValue[], aggs: readonly SqlValue[]) => string | null;

/** The argument as text (numbers and times rendered as the text protocol would). */
function str(c: Compiled, scope: Scope): Str {
  const f = c.fn;
  const fsp = scaleOf(c.type);
  const zone = scope.ctx.timeZone;
  return (r, g) => {
    const v = f(r, g);
    return v === null ? null : textOf(v, fsp, zone);
  };
}

function int(c: Compiled, scope: Scope): (row: readonly SqlValue[], aggs: readonly SqlValue[]) => bigint | null {
  const f = c.fn;
  const zone = scope.ctx.timeZone;
  return (r, g) => {
    const v = f(r, g);
    return v === null ? null : asBigint(v, zone);
  };
}

/** How many times `x` occurs in `v`, not overlapping (as REPLACE replaces them). */
function occurrences(v: string, x: string): number {
  let n = 0;
  for (let at = v.indexOf(x); at >= 0; at = v.indexOf(x, at + x.length)) n++;
  return n;
}

/** The result, or NULL when it is longer than max_allowed_packet (checked in characters: a lower bound of its bytes). */
function bounded(s: string): string | null {
  return s.length > maxAllowedPacket() ? null : s;
}

function unary(transform: (s: string) => string): FnTable[string] {
  return {
    min: 1,
    max: 1,
    compile: ([a], scope) => {
      const s = str(a!, scope);
      return {
        type: varchar(textLength(a!.type)),
        nullable: a!.nullable,
        fn: (r, g) => {
          const v = s(r, g);
          return v === null ? null : transform(v);
        },
      };
    },
  };
}

/** MySQL SUBSTRING: 1-based; a negative start counts from the end; start 0 or a negative length give ''. */
export function substring(s: string, pos: bigint, len: bigint | undefined): string {
  const chars = [...s];
  const n = BigInt(chars.length);
  if (pos === 0n || pos > n || -pos > n) return '';
  const start = pos > 0n ? pos - 1n : n + pos;
  if (len !== undefined && len <= 0n) return '';
  const end = len === undefined || start + len > n ? n : start + len;
  return chars.slice(Number(start), Number(end)).join('');
}

const SUBSTR: FnTable[string] = {
  min: 2,
  max: 3,
  compile: ([a, p, l], scope) => {
    const s = str(a!, scope);
    const pf = int(p!, scope);
    const lf = l ? int(l, scope) : undefined;
    return {
      type: varchar(textLength(a!.type)),
      nullable: a!.nullable || p!.nullable || (l?.nullable ?? false),
      fn: (r, g) => {
        const v = s(r, g);
        const pos = pf(r, g);
        const len = lf ? lf(r, g) : undefined;
        return v === null || pos === null || len === null ? null : substring(v, pos, len);
      },
    };
  },
};

function side(fromLeft: boolean): FnTable[string] {
  return {
    min: 2,
    max: 2,
    compile: ([a, n], scope) => {
      const s = str(a!, scope);
      const nf = int(n!, scope);
      return {
        type: varchar(textLength(a!.type)),
        nullable: a!.nullable || n!.nullable,
        fn: (r, g) => {
          const v = s(r, g);
          const k = nf(r, g);
          if (v === null || k === null) return null;
          const chars = [...v];
          const take = k <= 0n ? 0 : Number(k > BigInt(chars.length) ? BigInt(chars.length) : k);
          return (fromLeft ? chars.slice(0, take) : chars.slice(chars.length - take)).join('');
        },
      };
    },
  };
}

function concat(args: readonly Compiled[], scope: Scope, separator: Compiled | undefined): Compiled {
  const parts = args.map((a) => str(a, scope));
  const sep = separator ? str(separator, scope) : undefined;
  return {
    type: varchar(args.reduce((n, a) => n + textLength(a.type), 0)),
    // CONCAT is NULL when any argument is; CONCAT_WS skips NULL arguments and is NULL only for a NULL separator.
    nullable: sep ? separator!.nullable : args.some((a) => a.nullable),
    fn: (r, g) => {
      const joiner = sep ? sep(r, g) : '';
      if (joiner === null) return null;
      const out: string[] = [];
      for (const p of parts) {
        const v = p(r, g);
        if (v === null) {
          if (!sep) return null;
        } else out.push(v);
      }
      return bounded(out.join(joiner));
    },
  };
}

/** REPEAT(s, n): s n times; '' for n < 1; NULL past max_allowed_packet. */
const REPEAT: FnTable[string] = {
  min: 2,
  max: 2,
  compile: ([a, n], scope) => {
    const s = str(a!, scope);
    const nf = int(n!, scope);
    return {
      type: varchar(262144),
      nullable: true,
      fn: (r, g) => {
        const v = s(r, g);
        const k = nf(r, g);
        if (v === null || k === null) return null;
        if (k < 1n || v === '') return '';
        return BigInt(v.length) * k > BigInt(maxAllowedPacket()) ? null : v.repeat(Number(k));
      },
    };
  },
};

/**
 * LPAD / RPAD(s, n, pad): s cut or padded with pad to n characters; NULL when n < 0, or pad is '' and s is
 * shorter than n, or n passes max_allowed_packet.
 */
function pad(left: boolean): FnTable[string] {
  return {
    min: 3,
    max: 3,
    compile: ([a, n, p], scope) => {
      const [s, padWith] = [str(a!, scope), str(p!, scope)];
      const nf = int(n!, scope);
      return {
        type: varchar(262144),
        nullable: true,
        fn: (r, g) => {
          const v = s(r, g);
          const k = nf(r, g);
          const fill = padWith(r, g);
          if (v === null || k === null || fill === null || k < 0n || k > BigInt(maxAllowedPacket())) return null;
          const chars = [...v];
          const want = Number(k);
          if (chars.length >= want) return chars.slice(0, want).join('');
          const fillChars = [...fill];
          if (fillChars.length === 0) return null;
          const missing = want - chars.length;
          const padding = fillChars.join('').repeat(Math.ceil(missing / fillChars.length));
          const cut = [...padding].slice(0, missing).join('');
          return left ? cut + v : v + cut;
        },
      };
    },
  };
}

/** LENGTH (bytes) and CHAR_LENGTH (characters): a BIGINT measure of one string, NULL for NULL. */
function lengthBy(measure: (v: string) => number): FnTable[string] {
  return {
    min: 1,
    max: 1,
    compile: ([a], scope) => {
      const s = str(a!, scope);
      return {
        type: BIGINT,
        nullable: a!.nullable,
        fn: (r, g) => {
          const v = s(r, g);
          return v === null ? null : BigInt(measure(v));
        },
      };
    },
  };
}

/** One character as utf8mb4_general_ci compares it: case- and accent-folded. */
function foldChar(c: string): string {
  return c.length === 1 && c.charCodeAt(0) < 0x80 ? c.toUpperCase() : c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

/**
 * MySQL LOCATE(needle, haystack, pos): the 1-based character position of the first match at or after pos under
 * the general_ci collation, 0 when there is none or pos is out of range (an empty needle matches at pos itself).
 */
export function locate(needle: string, haystack: string, pos: bigint): bigint {
  const h = [...haystack].map(foldChar);
  const n = [...needle].map(foldChar);
  if (pos < 1n || pos > BigInt(h.length + 1)) return 0n;
  for (let i = Number(pos) - 1; i + n.length <= h.length; i++) {
    if (n.every((c, j) => h[i + j] === c)) return BigInt(i + 1);
  }
  return 0n;
}

/** LOCATE(needle, haystack[, pos]) and INSTR(haystack, needle): which argument is the needle is the only difference. */
function locateBy(needleFirst: boolean): FnTable[string] {
  return {
    min: 2,
    max: needleFirst ? 3 : 2,
    compile: ([a, b, p], scope) => {
      const [needle, haystack] = needleFirst ? [str(a!, scope), str(b!, scope)] : [str(b!, scope), str(a!, scope)];
      const pf = p ? int(p, scope) : undefined;
      return {
        type: BIGINT,
        nullable: a!.nullable || b!.nullable || (p?.nullable ?? false),
        fn: (r, g) => {
          const n = needle(r, g);
          const h = haystack(r, g);
          const pos = pf ? pf(r, g) : 1n;
          return n === null || h === null || pos === null ? null : locate(n, h, pos);
        },
      };
    },
  };
}

export const STRING_FUNCTIONS: FnTable = {
  LOCATE: locateBy(true),
  INSTR: locateBy(false),
  CONCAT: { min: 1, max: Infinity, compile: (args, scope) => concat(args, scope, undefined) },
  CONCAT_WS: { min: 2, max: Infinity, compile: ([sep, ...args], scope) => concat(args, scope, sep) },
  LOWER: unary((s) => s.toLowerCase()),
  LCASE: unary((s) => s.toLowerCase()),
  UPPER: unary((s) => s.toUpperCase()),
  UCASE: unary((s) => s.toUpperCase()),
  TRIM: unary((s) => s.replace(/^ +| +$/g, '')),
  LTRIM: unary((s) => s.replace(/^ +/, '')),
  RTRIM: unary((s) => s.replace(/ +$/, '')),
  LENGTH: lengthBy((v) => Buffer.byteLength(v, 'utf8')),
  CHAR_LENGTH: lengthBy((v) => [...v].length),
  SUBSTR,
  SUBSTRING: SUBSTR,
  MID: SUBSTR,
  REPEAT,
  LPAD: pad(true),
  RPAD: pad(false),
  LEFT: side(true),
  RIGHT: side(false),
  REPLACE: {
    min: 3,
    max: 3,
    compile: ([a, b, c], scope) => {
      const [s, from, to] = [str(a!, scope), str(b!, scope), str(c!, scope)];
      return {
        type: varchar(textLength(a!.type) * 4),
        nullable: a!.nullable || b!.nullable || c!.nullable,
        fn: (r, g) => {
          const v = s(r, g);
          const x = from(r, g);
          const y = to(r, g);
          if (v === null || x === null || y === null) return null;
          if (x === '') return v;
          // The result's length is known before it is built: a result past the packet is never made.
          if (y.length > x.length && v.length + occurrences(v, x) * (y.length - x.length) > maxAllowedPacket()) return null;
          return v.replaceAll(x, y);
        },
      };
    },
  },
};
