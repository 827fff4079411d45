/**
 * What passes between the session and a query worker (query-offload.ts, query-worker-main.ts). Messages are
 * structured clones: bigints, strings, Maps and plain objects arrive as they left, but a Decimal or Temporal
 * arrives as a plain object without its class, so every value is revived on arrival (revive below).
 */
import type { QueryExpression } from '../../grammar/index.js';
import type { ObError } from '../errors.js';
import type { EvalContext } from '../query/index.js';
import { Decimal, Temporal, type ColumnDef, type ResultSet, type SqlValue } from '../result.js';

/** One table as the statement would read it: its columns and every row, under the key the worker resolves by. */
export interface WorkerTable {
  readonly key: string;
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly kind?: 'SYSTEM VIEW' | 'SYSTEM TABLE' | 'BASE TABLE' | 'VIEW';
  readonly rows: readonly (readonly SqlValue[])[];
}

export interface WorkerJob {
  readonly stmt: QueryExpression;
  readonly ctx: EvalContext;
  readonly tables: readonly WorkerTable[];
  /** What is left of ob_query_timeout, in real milliseconds. */
  readonly remainingMs: number;
  readonly maxHeldValues: number;
  readonly maxAllowedPacket?: number;
  /** The answer when the time runs out (ob_query_timeout's OB_TIMEOUT, with the session's figure). */
  readonly timeoutError: ObError;
}

/** How a worker finds a copied table: by the schema and name as the statement wrote them (case-insensitive). */
export function tableKey(schema: string | undefined, name: string): string {
  return `${schema?.toLowerCase() ?? ''}\u0000${name.toLowerCase()}`;
}

export type WorkerAnswer = { readonly ok: ResultSet } | { readonly error: ObError };

/** A value as it left the other thread: a Decimal or Temporal gets its class back. */
export function revive(v: SqlValue): SqlValue {
  if (v === null || typeof v !== 'object' || v instanceof Decimal || v instanceof Temporal) return v;
  const o = v as { unscaled?: bigint; scale?: number; type?: Temporal['type']; utcMicros?: bigint };
  if (o.unscaled !== undefined && o.scale !== undefined) return new Decimal(o.unscaled, o.scale);
  if (o.type !== undefined && o.utcMicros !== undefined) return new Temporal(o.type, o.utcMicros);
  throw new Error(`a value of no SQL type crossed to a query worker: ${JSON.stringify(Object.keys(o))}`);
}

export function revivedRows(rows: readonly (readonly SqlValue[])[]): SqlValue[][] {
  return rows.map((r) => r.map(revive));
}

/** The context with its values revived: user variables and `?` parameters may hold decimals and times. */
export function revivedContext(ctx: EvalContext): EvalContext {
  const userVariables = new Map([...ctx.userVariables].map(([k, v]) => [k, revive(v)] as const));
  return { ...ctx, userVariables, ...(ctx.params === undefined ? {} : { params: ctx.params.map(revive) }) };
}

export function revivedResult(a: WorkerAnswer): ResultSet | ObError {
  return 'error' in a ? a.error : { columns: a.ok.columns, rows: revivedRows(a.ok.rows) };
}
