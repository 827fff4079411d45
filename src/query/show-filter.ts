/** What every SHOW result shares: its varchar columns, and LIKE / WHERE over the result's own columns. */
import type { Expr } from '../../grammar/ast.js';
import type { ColumnDef, ResultSet, SqlType, SqlValue } from '../result.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { compileExpr } from './compile.js';
import { likeRegExp } from './predicates.js';
import { rootScope } from './query.js';
import type { Scope } from './scope.js';
import { truth } from './values.js';

const VC = (length: number): SqlType => ({ base: 'varchar', length });
export const col = (name: string, length = 64, nullable = false): ColumnDef => ({ name, type: VC(length), nullable });
export const bigintCol = (name: string, nullable = false, unsigned = false): ColumnDef => ({ name, type: { base: 'bigint', width: 20, unsigned }, nullable });

/** LIKE applies to the first column (`nameColumn` for SHOW PARAMETERS); WHERE sees the result's columns by name. */
export function filter(
  columns: readonly ColumnDef[],
  rows: readonly (readonly SqlValue[])[],
  like: string | undefined,
  where: Expr | undefined,
  ctx: EvalContext,
  nameColumn = 0,
  catalog?: Catalog,
): ResultSet {
  let out = rows;
  if (like !== undefined) {
    const re = likeRegExp(like, '\\');
    out = out.filter((r) => re.test(String(r[nameColumn] ?? '')));
  }
  if (where) {
    const table: Table = { name: 'show', columns, rows: () => out };
    const sources = [{ table, schema: 'information_schema', alias: 'show', offset: 0, outer: false }];
    // A WHERE of SHOW may hold a subquery (`SHOW TABLES WHERE x IN (SELECT …)`) when the catalog is given.
    const scope: Scope = catalog === undefined ? { ctx, sources, clause: 'where clause', depth: 0 } : { ...rootScope(catalog, ctx), sources, clause: 'where clause' };
    const pred = compileExpr(where, scope).fn;
    out = out.filter((r) => truth(pred(r, []), ctx.timeZone) === true);
  }
  return { columns, rows: out };
}
