/** `time + INTERVAL n unit` and `time - INTERVAL n unit`: calendar arithmetic on the wall clock of the session zone. */
import type { Expr } from '../../grammar/ast.js';
import { obErrorWith } from '../errors.js';
import { Temporal, type SqlValue } from '../result.js';
import { coerceValue } from './coerce.js';
import { asBigint } from './numeric.js';
import { fail, type CompileExpr, type Compiled, type Scope } from './scope.js';
import { categoryOf, scaleOf } from './types.js';
import { fromWallClock, toWallClock } from './time.js';

const FIXED_MICROS: Record<string, bigint> = {
  MICROSECOND: 1n,
  SECOND: 1_000_000n,
  MINUTE: 60_000_000n,
  HOUR: 3_600_000_000n,
  DAY: 86_400_000_000n,
  WEEK: 604_800_000_000n,
};
const MONTHS: Record<string, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export function compileInterval(e: Extract<Expr, { kind: 'Binary' }>, scope: Scope, compileExpr: CompileExpr): Compiled {
  const intervalOnLeft = e.left.kind === 'Interval';
  const iv = (intervalOnLeft ? e.left : e.right) as Extract<Expr, { kind: 'Interval' }>;
  const base = compileExpr(intervalOnLeft ? e.right : e.left, scope);
  if ((e.op !== '+' && e.op !== '-') || (intervalOnLeft && e.op === '-')) {
    return fail(obErrorWith('OB_NOT_SUPPORTED', 'INTERVAL with this operator'));
  }
  const unit = iv.unit.toUpperCase();
  const fixed = FIXED_MICROS[unit];
  const months = MONTHS[unit];
  if (fixed === undefined && months === undefined) return fail(obErrorWith('OB_NOT_SUPPORTED', `INTERVAL unit ${unit}`));
  const amount = compileExpr(iv.value, scope);
  const zone = scope.ctx.timeZone;
  const sign = e.op === '-' ? -1n : 1n;
  const type = categoryOf(base.type) === 'temporal' ? base.type : { base: 'datetime' as const, fsp: 6 };
  const bf = base.fn;
  const af = amount.fn;
  const fsp = scaleOf(base.type);
  return {
    type,
    nullable: true,
    fn: (row, a): SqlValue => {
      const t = coerceValue(bf(row, a), type, fsp, zone);
      const n = af(row, a);
      if (!(t instanceof Temporal) || n === null) return null;
      const k = asBigint(n, zone) * sign;
      if (fixed !== undefined) return new Temporal(t.type, t.utcMicros + k * fixed);
      const w = toWallClock(t.utcMicros, zone);
      const total = w.year * 12 + (w.month - 1) + Number(k) * (months ?? 0);
      const year = Math.floor(total / 12);
      const month = total - year * 12 + 1;
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return new Temporal(t.type, fromWallClock({ ...w, year, month, day: Math.min(w.day, last) }, zone));
    },
  };
}
