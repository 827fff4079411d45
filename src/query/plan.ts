/**
 * The plan of a SELECT: its FROM sources, compiled expressions, output columns with MySQL's labels (`*` gives the
 * table's own column names, a column as the client spelled it, an expression its source text, an alias as
 * written), and how ORDER BY and LIMIT apply. Building one resolves every name and type once; running it
 * (select.ts) only reads rows.
 */
import type { Expr, SelectItem, SelectStatement } from '../../grammar/ast.js';
import { obError, obErrorWith } from '../errors.js';
import type { ColumnDef } from '../result.js';
import type { Catalog, EvalContext } from './catalog.js';
import { coerceValue } from './coerce.js';
import { compileExpr } from './compile.js';
import { planFrom, type FromPlan } from './from.js';
import { asBigint } from './numeric.js';
import { keyScanOf, type KeyScan } from './ordered-scan.js';
import { derive, fail, type AggSlot, type Compiled, type RowFn, type Scope } from './scope.js';
import { scaleOf } from './types.js';
import { keyProbeOf, type KeyProbe } from './key-lookup.js';

export interface OutputColumn {
  readonly def: ColumnDef;
  readonly compiled: Compiled;
}

export interface Plan {
  readonly from: FromPlan;
  readonly where: Compiled | undefined;
  readonly columns: readonly OutputColumn[];
  /** The result's column definitions, `columns`' defs. */
  readonly defs: readonly ColumnDef[];
  /** Per column: its value for a candidate row, at the column's declared type. */
  readonly project: readonly RowFn[];
  readonly grouped: boolean;
  readonly groupBy: readonly Compiled[];
  readonly slots: readonly AggSlot[];
  readonly having: Compiled | undefined;
  readonly order: readonly Compiled[];
  readonly desc: readonly boolean[];
  readonly limit: bigint | undefined;
  readonly offset: bigint;
  /** Set when ORDER BY names the table's unique key and LIMIT bounds the answer: read in key order and stop early. */
  readonly keyScan: KeyScan | undefined;
  /**
   * Set when every output row is its FROM row, column for column (`SELECT *` or `SELECT t.*` over one table,
   * without grouping): a row whose values already have their columns' types may then be answered as it is.
   */
  readonly passThrough: boolean;
  /**
   * Set when the answer is one row of constants (`SELECT 1`, `SELECT 'a', 2 + 3`: no FROM, WHERE, grouping, ORDER BY
   * or OFFSET, and every column constant), which a kept plan then computes once (select.ts).
   */
  readonly constantRow: boolean;
  /** Set when WHERE equates a whole key of the one table to values: the run reads the row it names (key-lookup.ts). */
  readonly lookup: KeyProbe | undefined;
}

/** What a nested query's plan inherits from where it sits: the query compiler, the outer link, CTEs, depth. */
export type Nesting = Pick<Scope, 'queries' | 'outer' | 'ctes' | 'depth'>;

export function buildPlan(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext, nest?: Nesting): Plan {
  const base: Scope =
    nest === undefined
      ? { ctx, sources: [], clause: 'field list', depth: 0 }
      : { ctx, sources: [], clause: 'field list', depth: nest.depth, queries: nest.queries, outer: nest.outer, ctes: nest.ctes };
  const from = planFrom(stmt.from, catalog, base);
  const scope = derive(base, { sources: from.sources });
  const where = stmt.where ? compileExpr(stmt.where, derive(scope, { clause: 'where clause' })) : undefined;
  const slots: AggSlot[] = [];
  const columns = expandItems(stmt.items, derive(scope, { aggs: slots }));
  const aliases = new Map<string, Expr>();
  stmt.items.forEach((it) => it.kind === 'ExprItem' && it.alias !== undefined && aliases.set(it.alias.toLowerCase(), it.expr));
  const groupBy = stmt.groupBy.map((g) =>
    positional(g, columns, 'group statement') ?? compileExpr(g, derive(scope, { clause: 'group statement', aliases })),
  );
  const having = stmt.having
    ? compileExpr(stmt.having, derive(scope, { clause: 'having clause', aggs: slots, aliases, aliasFirst: true }))
    : undefined;
  const order = stmt.orderBy.map(
    (o) => positional(o.expr, columns, 'order clause') ?? compileExpr(o.expr, derive(scope, { clause: 'order clause', aggs: slots, aliases, aliasFirst: true })),
  );
  const limit = stmt.limit ? limitValue(stmt.limit.count, scope) : undefined;
  const offset = stmt.limit?.offset ? limitValue(stmt.limit.offset, scope) : 0n;
  const grouped = stmt.groupBy.length > 0 || slots.length > 0 || stmt.having !== undefined;
  const keyScan = keyScanOf(stmt, from.sources, grouped);
  const defs = columns.map((c) => c.def);
  const project = columns.map((c) => projector(c, ctx.timeZone));
  const passThrough = !grouped && from.sources.length === 1 && stmt.items.length === 1 && stmt.items[0]?.kind === 'Star';
  const constantRow =
    stmt.from.length === 0 && where === undefined && !grouped && order.length === 0 && offset === 0n && limit === undefined && columns.every((c) => c.compiled.constant === true);
  const lookup = stmt.from.length === 1 && stmt.from[0]?.kind === 'Table' ? keyProbeOf(stmt.where, derive(scope, { clause: 'where clause' })) : undefined;
  return { from, where, columns, defs, project, grouped, groupBy, slots, having, order, desc: stmt.orderBy.map((o) => o.desc), limit, offset, keyScan, passThrough, constantRow, lookup };
}

/** The column's value for a candidate row, brought to its declared type (see coerceValue). */
function projector(c: OutputColumn, zone: string | undefined): RowFn {
  const f = c.compiled.fn;
  const to = c.def.type;
  const fsp = scaleOf(c.compiled.type);
  return (row, aggs) => coerceValue(f(row, aggs), to, fsp, zone);
}

/** `ORDER BY 2` / `GROUP BY 1` name a select-list position. */
function positional(e: Expr, columns: readonly OutputColumn[], clause: string): Compiled | undefined {
  if (e.kind !== 'NumberLiteral' || !/^\d+$/.test(e.text)) return undefined;
  const col = columns[Number(e.text) - 1];
  if (!col) return fail(obErrorWith('OB_ERR_BAD_FIELD_ERROR', e.text, clause));
  return col.compiled;
}

function limitValue(e: Expr, scope: Scope): bigint {
  const c = compileExpr(e, derive(scope, { sources: [], clause: 'field list' }));
  const v = c.fn([], []);
  if (v === null) return 0n;
  const n = asBigint(v, scope.ctx.timeZone);
  return n < 0n ? 0n : n;
}

function expandItems(items: readonly SelectItem[], scope: Scope): OutputColumn[] {
  const out: OutputColumn[] = [];
  for (const item of items) {
    if (item.kind === 'Star') {
      const sources = scope.sources.filter((s) => item.table === undefined || s.alias.toLowerCase() === item.table.toLowerCase());
      if (sources.length === 0) {
        if (item.table !== undefined) fail(obErrorWith('OB_ERR_BAD_TABLE', item.table));
        fail(obError('OB_ERR_NO_TABLES_USED'));
      }
      for (const s of sources) {
        s.table.columns.forEach((c, i) => {
          const at = s.offset + i;
          const compiled: Compiled = { type: c.type, nullable: c.nullable || s.outer, fn: (row) => row[at] ?? null };
          // A literal, not `{ ...c, … }`: see derive() in scope.ts for why the spread is avoided on this path.
          out.push({ def: { name: c.name, type: c.type, nullable: c.nullable, table: s.alias, orgTable: s.table.name, orgName: c.name, schema: s.schema }, compiled });
        });
      }
      continue;
    }
    const compiled = compileExpr(item.expr, scope);
    // MySQL labels a bare column by its name, a string literal by its value (leading spaces dropped), else by its text.
    const label = truncatedLabel(item.alias ?? (item.expr.kind === 'ColumnRef' ? item.expr.column : item.expr.kind === 'StringLiteral' ? item.expr.value.trimStart() : item.text));
    const origin = item.expr.kind === 'ColumnRef' ? columnOrigin(item.expr, scope) : {};
    out.push({ def: { name: label, type: compiled.type, nullable: compiled.nullable, ...origin }, compiled });
  }
  return out;
}

/**
 * OB_MAX_ALIAS_NAME_LENGTH (ob_define.h): a label keeps its first 255 characters, an alias as written as much as an
 * expression's text (MySQL and MariaDB truncate alike), so a 5 MB expression never becomes a 5 MB column name.
 */
const MAX_LABEL_CHARS = 255;

function truncatedLabel(label: string): string {
  if (label.length <= MAX_LABEL_CHARS) return label;
  return [...label].slice(0, MAX_LABEL_CHARS).join('');
}

function columnOrigin(e: Extract<Expr, { kind: 'ColumnRef' }>, scope: Scope): Partial<ColumnDef> {
  const name = e.column.toLowerCase();
  const s = scope.sources.find(
    (x) => (e.table === undefined || x.alias.toLowerCase() === e.table.toLowerCase()) && x.table.columns.some((c) => c.name.toLowerCase() === name),
  );
  const c = s?.table.columns.find((x) => x.name.toLowerCase() === name);
  return s && c ? { table: s.alias, orgTable: s.table.name, orgName: c.name, schema: s.schema } : {};
}
