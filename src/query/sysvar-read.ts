/** Reading `@@x`, `@@session.x`, `@@global.x`: the session value, else the global one, else OceanBase's default. */
import { obErrorWith } from '../errors.js';
import type { EvalContext, SysVarValue } from './catalog.js';
import { fail, type Compiled } from './scope.js';
import { DEFAULT_VERSION, sysVarDef, type SysVarDef } from './sysvars.js';
import { bigintOf, varchar } from './types.js';

export function sysVarValue(def: SysVarDef, scope: 'GLOBAL' | 'SESSION' | null, ctx: EvalContext): SysVarValue {
  const session = scope === 'GLOBAL' || def.globalOnly ? undefined : ctx.sessionVariables.get(def.name);
  const value = session ?? ctx.globalVariables.get(def.name) ?? def.default(ctx.version ?? DEFAULT_VERSION);
  // time_zone is also what the evaluator formats with, so the two agree.
  if (def.name === 'time_zone' && scope !== 'GLOBAL' && session === undefined && ctx.timeZone !== undefined) return ctx.timeZone;
  return value;
}

/** SHOW VARIABLES text: booleans as ON / OFF. */
export function sysVarText(def: SysVarDef, value: SysVarValue): string {
  if (def.kind === 'bool') return value === 0n || value === '0' || value === 'OFF' ? 'OFF' : 'ON';
  return String(value);
}

export function compileSystemVariable(scope: 'GLOBAL' | 'SESSION' | null, name: string, ctx: EvalContext): Compiled {
  const def = sysVarDef(name);
  if (!def) return fail(obErrorWith('OB_ERR_SYS_VARIABLE_UNKNOWN', name));
  if (scope === 'SESSION' && def.globalOnly) fail(obErrorWith('OB_ERR_INCORRECT_GLOBAL_LOCAL_VAR', def.name, 'GLOBAL'));
  if (scope === 'GLOBAL' && def.sessionOnly) fail(obErrorWith('OB_ERR_INCORRECT_GLOBAL_LOCAL_VAR', def.name, 'SESSION'));
  const value = sysVarValue(def, scope, ctx);
  if (def.kind === 'string') {
    const text = String(value);
    return { type: varchar(Math.max(text.length, 1)), nullable: false, fn: () => text, constant: true };
  }
  const num = typeof value === 'bigint' ? value : BigInt(value === 'ON' ? 1 : value === 'OFF' ? 0 : Number(value) || 0);
  return { type: bigintOf(def.kind === 'bool' ? 1 : 20), nullable: false, fn: () => num, constant: true };
}
