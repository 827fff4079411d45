/** IN, LIKE, IS [NOT] NULL / TRUE / FALSE, BETWEEN and CASE, with MySQL's three-valued results. */
import type { Expr } from '../../grammar/ast.js';
import type { SqlType, SqlValue } from '../result.js';
import { coerceTo } from './coerce.js';
import type { CompileExpr, Compiled, Scope } from './scope.js';
import { bigintOf, unionType } from './types.js';
import { compareValues, textOf, truth } from './values.js';

const BOOL: SqlType = bigintOf(1);

export function compileIn(not: boolean, x: Compiled, list: readonly Compiled[], scope: Scope): Compiled {
  const zone = scope.ctx.timeZone;
  const xf = x.fn;
  const fns = list.map((c) => c.fn);
  const hit = not ? 0n : 1n;
  const miss = not ? 1n : 0n;
  return {
    type: BOOL,
    nullable: x.nullable || list.some((c) => c.nullable),
    fn: (row, a) => {
      const v = xf(row, a);
      if (v === null) return null;
      let sawNull = false;
      for (const f of fns) {
        const w = f(row, a);
        if (w === null) sawNull = true;
        else if (compareValues(v, w, zone) === 0) return hit;
      }
      return sawNull ? null : miss;
    },
  };
}

/** LIKE under utf8mb4_general_ci: case-insensitive, `%` and `_`, backslash (or ESCAPE) escapes. */
export function compileLike(e: Extract<Expr, { kind: 'Like' }>, scope: Scope, compileExpr: CompileExpr): Compiled {
  const x = compileExpr(e.expr, scope);
  const p = compileExpr(e.pattern, scope);
  const esc = e.escape ? compileExpr(e.escape, scope) : undefined;
  const zone = scope.ctx.timeZone;
  const cache = new Map<string, RegExp>();
  const xf = x.fn;
  const pf = p.fn;
  const ef = esc?.fn;
  return {
    type: BOOL,
    nullable: x.nullable || p.nullable,
    fn: (row, a) => {
      const v = xf(row, a);
      const pat = pf(row, a);
      if (v === null || pat === null) return null;
      const escValue = ef ? ef(row, a) : '\\';
      const escape = escValue === null ? '\\' : textOf(escValue, 0, zone).charAt(0) || '\\';
      const patText = textOf(pat, 6, zone);
      const key = `${escape}\u0000${patText}`;
      let re = cache.get(key);
      if (!re) {
        re = likeRegExp(patText, escape);
        if (cache.size < 64) cache.set(key, re);
      }
      const matched = re.test(foldAccents(textOf(v, fspOf(x.type), zone)));
      return matched !== e.not ? 1n : 0n;
    },
  };
}

function fspOf(t: SqlType): number {
  return t.base === 'timestamp' || t.base === 'datetime' ? t.fsp : 0;
}

function foldAccents(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function likeRegExp(pattern: string, escape: string): RegExp {
  let out = '';
  const chars = [...foldAccents(pattern)];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === escape && i + 1 < chars.length) {
      out += escapeRe(chars[++i] ?? '');
    } else if (c === '%') out += '[\\s\\S]*';
    else if (c === '_') out += '[\\s\\S]';
    else out += escapeRe(c);
  }
  return new RegExp(`^${out}$`, 'iu');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function compileIsNull(x: Compiled, not: boolean): Compiled {
  const f = x.fn;
  return { type: BOOL, nullable: false, fn: (row, a) => ((f(row, a) === null) !== not ? 1n : 0n) };
}

export function compileIsBool(x: Compiled, value: boolean, not: boolean, scope: Scope): Compiled {
  const f = x.fn;
  const zone = scope.ctx.timeZone;
  return {
    type: BOOL,
    nullable: false,
    fn: (row, a) => {
      const t = truth(f(row, a), zone);
      return (t === value) !== not ? 1n : 0n;
    },
  };
}

export function compileBetween(not: boolean, x: Compiled, lo: Compiled, hi: Compiled, scope: Scope): Compiled {
  const zone = scope.ctx.timeZone;
  const [xf, lf, hf] = [x.fn, lo.fn, hi.fn];
  return {
    type: BOOL,
    nullable: x.nullable || lo.nullable || hi.nullable,
    fn: (row, a) => {
      const v = xf(row, a);
      if (v === null) return null;
      const l = lf(row, a);
      const h = hf(row, a);
      const geLow = l === null ? null : compareValues(v, l, zone) >= 0;
      const leHigh = h === null ? null : compareValues(v, h, zone) <= 0;
      if (geLow === false || leHigh === false) return not ? 1n : 0n;
      if (geLow === null || leHigh === null) return null;
      return not ? 0n : 1n;
    },
  };
}

export function compileCase(e: Extract<Expr, { kind: 'Case' }>, scope: Scope, compileExpr: CompileExpr): Compiled {
  const zone = scope.ctx.timeZone;
  const operand = e.operand ? compileExpr(e.operand, scope) : undefined;
  const whens = e.whens.map((w) => ({ when: compileExpr(w.when, scope), then: compileExpr(w.then, scope) }));
  const otherwise = e.else ? compileExpr(e.else, scope) : undefined;
  const branches = [...whens.map((w) => w.then), ...(otherwise ? [otherwise] : [])];
  const type = unionType(branches.filter((b) => !(b.constant && b.nullable)).map((b) => b.type));
  const nullable = !otherwise || branches.some((b) => b.nullable);
  const of = operand?.fn;
  const pairs = whens.map((w) => ({ when: w.when.fn, then: coerceTo(w.then, type, zone) }));
  const elseFn = otherwise ? coerceTo(otherwise, type, zone) : (): SqlValue => null;
  return {
    type,
    nullable,
    fn: (row, a) => {
      const v = of ? of(row, a) : undefined;
      for (const p of pairs) {
        const w = p.when(row, a);
        const hit = of ? v !== null && v !== undefined && w !== null && compareValues(v, w, zone) === 0 : truth(w, zone) === true;
        if (hit) return p.then(row, a);
      }
      return elseFn(row, a);
    },
  };
}
