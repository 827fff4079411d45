/**
 * SET handling: validates every assignment first (so a rejected statement changes nothing), then stores session,
 * global and user variables. Errors in OceanBase's words: 1193 unknown, 1229 / 1228 wrong scope, 1621 read-only
 * in a session, 1238 read-only, 1231 bad value, 1232 bad type, 1298 bad time zone.
 */
import type { Expr, SessionStatement } from '../../grammar/ast.js';
import { obErrorWith, type ObError } from '../errors.js';
import { Decimal, type SqlValue } from '../result.js';
import type { EvalContext, SysVarValue } from './catalog.js';
import { compileExpr } from './compile.js';
import { fail, type Scope } from './scope.js';
import { guard } from './select.js';
import { sysVarDef, type SysVarDef } from './sysvars.js';
import { isValidTimeZone } from './time.js';
import { textOf } from './values.js';

/** Where SET writes; the session owns these maps and passes read-only views of them in EvalContext. */
export interface VariableStore {
  readonly session: Map<string, SysVarValue>;
  readonly global: Map<string, SysVarValue>;
  readonly user: Map<string, SqlValue>;
}

type Write = () => void;

export function applySet(stmt: Extract<SessionStatement, { kind: 'Set' }>, ctx: EvalContext, store: VariableStore): ObError | undefined {
  const writes = guard(() => stmt.assignments.map((a): Write => plan(a.target, a.value, ctx, store)));
  if (!Array.isArray(writes)) return writes;
  for (const w of writes) w();
  return undefined;
}

/** SET NAMES cs [COLLATE c] sets the client, connection and results character sets and the connection collation. */
export function applySetNames(charset: string, collate: string | undefined, store: VariableStore): undefined {
  const cs = charset.toLowerCase();
  for (const n of ['character_set_client', 'character_set_connection', 'character_set_results']) store.session.set(n, cs);
  store.session.set('collation_connection', (collate ?? defaultCollation(cs)).toLowerCase());
  return undefined;
}

export function applySetTransaction(stmt: Extract<SessionStatement, { kind: 'SetTransaction' }>, store: VariableStore): ObError | undefined {
  const target = stmt.scope === 'GLOBAL' ? store.global : store.session;
  if (stmt.isolation !== undefined) {
    const level = stmt.isolation.toUpperCase().replace(/ /g, '-');
    if (!sysVarDef('tx_isolation')?.values?.includes(level)) return obErrorWith('OB_ERR_WRONG_VALUE_FOR_VAR', 'tx_isolation', stmt.isolation);
    target.set('tx_isolation', level);
    target.set('transaction_isolation', level);
  }
  if (stmt.readOnly !== undefined) {
    target.set('tx_read_only', stmt.readOnly ? 1n : 0n);
    target.set('transaction_read_only', stmt.readOnly ? 1n : 0n);
  }
  return undefined;
}

function defaultCollation(cs: string): string {
  return cs === 'binary' ? 'binary' : `${cs}_general_ci`;
}

function plan(target: Extract<SessionStatement, { kind: 'Set' }>['assignments'][number]['target'], value: Expr, ctx: EvalContext, store: VariableStore): Write {
  if (target.kind === 'UserVariable') {
    const v = evaluate(value, ctx);
    return () => store.user.set(target.name.toLowerCase(), v);
  }
  const def = sysVarDef(target.name);
  if (!def) return fail(obErrorWith('OB_ERR_SYS_VARIABLE_UNKNOWN', target.name));
  const global = target.scope === 'GLOBAL';
  if (def.readOnly) fail(obErrorWith('OB_ERR_INCORRECT_GLOBAL_LOCAL_VAR', def.name, 'read only'));
  if (!global && def.globalOnly) fail(obErrorWith('OB_ERR_GLOBAL_VARIABLE', def.name));
  if (global && def.sessionOnly) fail(obErrorWith('OB_ERR_LOCAL_VARIABLE', def.name));
  if (!global && def.sessionReadOnly) fail(obErrorWith('OB_ERR_VARIABLE_IS_READONLY', 'SESSION', def.name, 'GLOBAL'));
  const map = global ? store.global : store.session;
  // A bare word (`SET autocommit = ON`, `= DEFAULT`) arrives as a column reference: it is the word itself.
  if (value.kind === 'ColumnRef' && value.table === undefined && value.column.toUpperCase() === 'DEFAULT') return () => map.delete(def.name);
  const raw = value.kind === 'ColumnRef' && value.table === undefined ? value.column : evaluate(value, ctx);
  const v = convert(def, raw, ctx);
  return () => map.set(def.name, v);
}

function evaluate(e: Expr, ctx: EvalContext): SqlValue {
  const scope: Scope = { ctx, sources: [], clause: 'field list', depth: 0 };
  return compileExpr(e, scope).fn([], []);
}

function convert(def: SysVarDef, raw: SqlValue, ctx: EvalContext): SysVarValue {
  const text = raw === null ? 'NULL' : textOf(raw, 6, ctx.timeZone);
  const bad = (): never => fail(obErrorWith('OB_ERR_WRONG_VALUE_FOR_VAR', def.name, text));
  switch (def.kind) {
    case 'bool': {
      const word = text.toUpperCase();
      if (word === '1' || word === 'ON' || word === 'TRUE') return 1n;
      if (word === '0' || word === 'OFF' || word === 'FALSE') return 0n;
      return bad();
    }
    case 'int': {
      if (typeof raw === 'bigint') return clamp(def, raw);
      if (raw instanceof Decimal && raw.scale === 0) return clamp(def, raw.unscaled);
      if (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)) return clamp(def, BigInt(raw.trim()));
      return fail(obErrorWith('OB_ERR_WRONG_TYPE_FOR_VAR', def.name));
    }
    case 'string': {
      if (raw === null) return bad();
      if (def.name === 'time_zone' && !isValidTimeZone(text)) return fail(obErrorWith('OB_ERR_UNKNOWN_TIME_ZONE', text));
      if (def.values) {
        const word = text.toUpperCase();
        return def.values.includes(word) ? word : bad();
      }
      return text;
    }
  }
}

/** MySQL clamps an out-of-range integer to the variable's bounds (with a warning) rather than failing. */
function clamp(def: SysVarDef, n: bigint): bigint {
  if (def.min !== undefined && n < def.min) return def.min;
  if (def.max !== undefined && n > def.max) return def.max;
  return n;
}
