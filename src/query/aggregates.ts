/**
 * COUNT, SUM, AVG, MAX, MIN with MySQL's result types: COUNT is BIGINT, SUM of integers is an exact DECIMAL,
 * AVG adds div_precision_increment (4) digits, MAX/MIN keep their argument's type; all but COUNT are NULL over no rows.
 */
import { Decimal, type SqlType, type SqlValue } from '../result.js';
import { decAdd, decDiv } from './decimal-math.js';
import { asDecimal, asDouble } from './numeric.js';
import type { AggName, AggSlot, Compiled } from './scope.js';
import { bigintOf, categoryOf, decimal, DOUBLE, intDigitsOf, scaleOf } from './types.js';
import { compareValues, groupKey } from './values.js';

export function aggregateType(name: AggName, arg: Compiled | undefined): SqlType {
  if (name === 'COUNT' || !arg) return bigintOf(21);
  const c = categoryOf(arg.type);
  if (name === 'MAX' || name === 'MIN') return arg.type;
  const exact = c === 'int' || c === 'decimal';
  if (!exact) return DOUBLE;
  const s = scaleOf(arg.type);
  if (name === 'SUM') return decimal(intDigitsOf(arg.type) + 22 + s, s);
  return decimal(intDigitsOf(arg.type) + s + 4, s + 4);
}

export interface Accumulator {
  add(row: readonly SqlValue[]): void;
  result(): SqlValue;
}

export function newAccumulator(slot: AggSlot, zone: string | undefined): Accumulator {
  const f = slot.arg?.fn;
  const seen = slot.distinct ? new Set<string>() : undefined;
  const read = (row: readonly SqlValue[]): Exclude<SqlValue, null> | undefined => {
    const v = f ? f(row, []) : 1n;
    if (v === null) return undefined;
    if (seen) {
      const k = groupKey(v);
      if (seen.has(k)) return undefined;
      seen.add(k);
    }
    return v;
  };
  switch (slot.name) {
    case 'COUNT': {
      let n = 0n;
      return { add: (row) => void (read(row) !== undefined && n++), result: () => n };
    }
    case 'MAX':
    case 'MIN': {
      const sign = slot.name === 'MAX' ? 1 : -1;
      let best: SqlValue = null;
      return {
        add: (row) => {
          const v = read(row);
          if (v !== undefined && (best === null || compareValues(v, best, zone) * sign > 0)) best = v;
        },
        result: () => best,
      };
    }
    default:
      return sumOrAvg(slot, read, zone);
  }
}

function sumOrAvg(slot: AggSlot, read: (row: readonly SqlValue[]) => Exclude<SqlValue, null> | undefined, zone: string | undefined): Accumulator {
  const exact = slot.type.base === 'decimal';
  let count = 0n;
  let dsum = new Decimal(0n, 0);
  let fsum = 0;
  return {
    add: (row) => {
      const v = read(row);
      if (v === undefined) return;
      count++;
      if (exact) dsum = typeof v === 'bigint' ? new Decimal(dsum.unscaled + v * 10n ** BigInt(dsum.scale), dsum.scale) : decAdd(dsum, asDecimal(v, zone));
      else fsum += asDouble(v, zone);
    },
    result: () => {
      if (count === 0n) return null;
      if (slot.name === 'SUM') return exact ? dsum : fsum;
      if (!exact) return fsum / Number(count);
      const scale = slot.type.base === 'decimal' ? slot.type.scale : 4;
      return decDiv(dsum, new Decimal(count, 0), scale) ?? null;
    },
  };
}
