/** CAST(x AS type) and CONVERT(x, type) for the types clients use: SIGNED, UNSIGNED, CHAR, DECIMAL, DATETIME, DATE, DOUBLE. */
import type { Expr } from '../../grammar/ast.js';
import { obErrorWith } from '../errors.js';
import type { SqlType } from '../result.js';
import { coerceValue } from './coerce.js';
import { asBigint } from './numeric.js';
import { fail, type Compiled, type Scope } from './scope.js';
import { BIGINT, decimal, DOUBLE, scaleOf, textLength, varchar } from './types.js';

export function compileCast(e: Extract<Expr, { kind: 'Cast' }>, x: Compiled, scope: Scope): Compiled {
  const zone = scope.ctx.timeZone;
  const to = castType(e.type.toUpperCase(), e.args.map(Number), x.type);
  const f = x.fn;
  const fsp = scaleOf(x.type);
  if (e.type.toUpperCase() === 'UNSIGNED') {
    return {
      type: { base: 'bigint', width: 20, unsigned: true },
      nullable: x.nullable,
      fn: (row, a) => {
        const v = f(row, a);
        return v === null ? null : BigInt.asUintN(64, asBigint(v, zone));
      },
    };
  }
  const needsParse = to.base === 'datetime' || to.base === 'date';
  return { type: to, nullable: x.nullable || needsParse, fn: (row, a) => coerceValue(f(row, a), to, fsp, zone) };
}

function castType(name: string, args: readonly number[], from: SqlType): SqlType {
  const [a, b] = args;
  switch (name) {
    case 'SIGNED':
    case 'SIGNED INTEGER':
    case 'INTEGER':
    case 'INT':
      return BIGINT;
    case 'UNSIGNED':
    case 'UNSIGNED INTEGER':
      return { base: 'bigint', width: 20, unsigned: true };
    case 'CHAR':
    case 'NCHAR':
    case 'VARCHAR':
    case 'BINARY':
      return varchar(a !== undefined && Number.isFinite(a) ? a : textLength(from));
    case 'DECIMAL':
    case 'NUMBER':
      return decimal(a ?? 10, b ?? 0);
    case 'DATETIME':
      return { base: 'datetime', fsp: Math.min(a ?? 0, 6) };
    case 'TIMESTAMP':
      return { base: 'timestamp', fsp: Math.min(a ?? 0, 6) };
    case 'DATE':
      return { base: 'date' };
    case 'DOUBLE':
    case 'FLOAT':
    case 'REAL':
      return DOUBLE;
    default:
      return fail(obErrorWith('OB_NOT_SUPPORTED', `CAST to ${name}`));
  }
}
