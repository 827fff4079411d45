/** Test helpers: an in-memory catalog, a fixed session context, and terse AST builders (until SQL text is parsed). */
import type { BinaryOp, Expr, FromItem, OrderItem, SelectItem, SelectStatement } from '../../../grammar/ast.js';
import type { Catalog, EvalContext, Table } from '../../../src/query/catalog.js';
import type { ColumnDef, SqlType, SqlValue } from '../../../src/result.js';

export const BIG: SqlType = { base: 'bigint', width: 20, unsigned: false };
export const VC: SqlType = { base: 'varchar', length: 4096 };
export const TS6: SqlType = { base: 'timestamp', fsp: 6 };

export function table(name: string, columns: readonly [string, SqlType, boolean?][], rows: readonly (readonly SqlValue[])[]): Table {
  const defs: ColumnDef[] = columns.map(([n, type, nullable]) => ({ name: n, type, nullable: nullable ?? true }));
  return { name, columns: defs, kind: 'SYSTEM VIEW', rows: () => rows };
}

export function catalog(...tables: Table[]): Catalog {
  return {
    resolve: (schema, name) =>
      schema === undefined || schema.toLowerCase() === 'oceanbase' ? tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) : undefined,
    databases: () => ['information_schema', 'mysql', 'oceanbase'],
    tables: (db) => (db.toLowerCase() === 'oceanbase' ? tables : db === 'mysql' || db === 'information_schema' ? [] : undefined),
  };
}

/** 2024-05-01 12:00:00 UTC. */
export const NOW_US = 1714564800000000n;

export function context(over: Partial<EvalContext> = {}): EvalContext {
  return {
    timeZone: '+08:00',
    nowMicros: NOW_US,
    database: 'oceanbase',
    user: 'root@127.0.0.1',
    connectionId: 3221225473n,
    sessionVariables: new Map(),
    globalVariables: new Map(),
    userVariables: new Map(),
    ...over,
  };
}

export const col = (column: string, tbl?: string): Expr => (tbl === undefined ? { kind: 'ColumnRef', column } : { kind: 'ColumnRef', table: tbl, column });
export const num = (text: string | number): Expr => ({ kind: 'NumberLiteral', text: String(text) });
export const str = (value: string): Expr => ({ kind: 'StringLiteral', value });
export const NULL: Expr = { kind: 'NullLiteral' };
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right });
export const fn = (name: string, ...args: Expr[]): Expr => ({ kind: 'FunctionCall', name, args, star: false, distinct: false });
export const countStar: Expr = { kind: 'FunctionCall', name: 'count', args: [], star: true, distinct: false };
export const item = (expr: Expr, text: string, alias?: string): SelectItem =>
  alias === undefined ? { kind: 'ExprItem', expr, text } : { kind: 'ExprItem', expr, text, alias };
export const star: SelectItem = { kind: 'Star' };
export const from = (name: string, alias?: string, schema?: string): FromItem => ({
  kind: 'Table',
  table: schema === undefined ? { name } : { schema, name },
  ...(alias === undefined ? {} : { alias }),
});
export const asc = (expr: Expr): OrderItem => ({ expr, desc: false });
export const desc = (expr: Expr): OrderItem => ({ expr, desc: true });

export function select(parts: Partial<SelectStatement> & { items: readonly SelectItem[] }): SelectStatement {
  return { kind: 'Select', distinct: false, from: [], groupBy: [], orderBy: [], ...parts };
}
