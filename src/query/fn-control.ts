/** IFNULL, COALESCE, IF, NULLIF, GREATEST, LEAST: the result type is the aggregate of the branches' types. */
import type { SqlValue } from '../result.js';
import { coerceTo } from './coerce.js';
import type { FnTable } from './fn-def.js';
import type { Compiled } from './scope.js';
import { unionType } from './types.js';
import { compareValues, truth } from './values.js';

/** Branch types, leaving out bare NULL literals (MySQL types `IFNULL(NULL, 1)` by the 1). */
function typed(args: readonly Compiled[]): Compiled[] {
  const real = args.filter((a) => !(a.constant && a.nullable));
  return real.length > 0 ? real : [...args];
}

export const CONTROL_FUNCTIONS: FnTable = {
  IFNULL: {
    min: 2,
    max: 2,
    compile: ([a, b], scope) => {
      const type = unionType(typed([a!, b!]).map((x) => x.type));
      const af = coerceTo(a!, type, scope.ctx.timeZone);
      const bf = coerceTo(b!, type, scope.ctx.timeZone);
      return { type, nullable: a!.nullable && b!.nullable, fn: (r, g) => af(r, g) ?? bf(r, g) };
    },
  },
  COALESCE: {
    min: 1,
    max: Infinity,
    compile: (args, scope) => {
      const type = unionType(typed(args).map((x) => x.type));
      const fns = args.map((a) => coerceTo(a, type, scope.ctx.timeZone));
      return {
        type,
        nullable: args.every((a) => a.nullable),
        fn: (r, g) => {
          for (const f of fns) {
            const v = f(r, g);
            if (v !== null) return v;
          }
          return null;
        },
      };
    },
  },
  IF: {
    min: 3,
    max: 3,
    compile: ([c, a, b], scope) => {
      const zone = scope.ctx.timeZone;
      const type = unionType(typed([a!, b!]).map((x) => x.type));
      const [cf, af, bf] = [c!.fn, coerceTo(a!, type, zone), coerceTo(b!, type, zone)];
      return { type, nullable: a!.nullable || b!.nullable, fn: (r, g) => (truth(cf(r, g), zone) === true ? af(r, g) : bf(r, g)) };
    },
  },
  NULLIF: {
    min: 2,
    max: 2,
    compile: ([a, b], scope) => {
      const zone = scope.ctx.timeZone;
      const [af, bf] = [a!.fn, b!.fn];
      return {
        type: a!.type,
        nullable: true,
        fn: (r, g) => {
          const x = af(r, g);
          const y = bf(r, g);
          return x !== null && y !== null && compareValues(x, y, zone) === 0 ? null : x;
        },
      };
    },
  },
  GREATEST: { min: 2, max: Infinity, compile: (args, scope) => extreme(args, scope.ctx.timeZone, 1) },
  LEAST: { min: 2, max: Infinity, compile: (args, scope) => extreme(args, scope.ctx.timeZone, -1) },
};

function extreme(args: readonly Compiled[], zone: string | undefined, sign: number): Compiled {
  const type = unionType(args.map((a) => a.type));
  const fns = args.map((a) => coerceTo(a, type, zone));
  return {
    type,
    nullable: args.some((a) => a.nullable),
    fn: (r, g) => {
      let best: SqlValue = null;
      for (const f of fns) {
        const v = f(r, g);
        if (v === null) return null;
        if (best === null || compareValues(v, best, zone) * sign > 0) best = v;
      }
      return best;
    },
  };
}
