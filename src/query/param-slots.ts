/**
 * The `?` values of a kept plan (plan-cache.ts). A prepared statement runs again and again with new values, and
 * building its plan was a third of a point SELECT's evaluation. A plan built over slots reads each value when
 * its expression runs, so it holds no value of a run, and is kept for later values of the same types: a value's
 * type (an integer's digits, a string's length) decides the plan's types, so it is part of the plan's key. A
 * value read while the plan is built (LIMIT ?, ROUND(x, ?), a pattern compiled once) is folded into the plan,
 * which is then never kept.
 */
import type { SqlValue } from '../result.js';
import { typeOfValue } from './types.js';

export class ParamSlots {
  /** True while the plan is built. */
  building = true;
  /** Set when an expression read a value while the plan was built. */
  readWhileBuilding = false;

  constructor(public values: readonly SqlValue[]) {}

  read(index: number): SqlValue {
    if (this.building) this.readWhileBuilding = true;
    return this.values[index] ?? null;
  }
}

/** What a plan may depend on of the values: their types and nullness, one text for all of them. */
export function paramSignature(values: readonly SqlValue[] | undefined): string {
  if (values === undefined || values.length === 0) return '';
  let out = '';
  for (const v of values) out += `${JSON.stringify(typeOfValue(v))}${v === null ? '?' : ''};`;
  return out;
}
