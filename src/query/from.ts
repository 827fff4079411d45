/**
 * FROM: resolves table names through the catalog (1146 `Table 'oceanbase.X' doesn't exist`), assigns each FROM
 * item its offset in the joined row, and produces joined rows: comma lists and CROSS / INNER / LEFT / RIGHT joins
 * by nested loops (view row counts are small; the single-table case streams without copying).
 */
import type { FromItem } from '../../grammar/ast.js';
import { InvariantError, obError, obErrorWith } from '../errors.js';
import type { ColumnDef, SqlValue } from '../result.js';
import { holdRows, spendRows } from './budget.js';
import type { Catalog, Table } from './catalog.js';
import { compileExpr } from './compile.js';
import { derive, fail, type Scope, type SourceRef } from './scope.js';
import { truth } from './values.js';

export interface FromPlan {
  readonly sources: readonly SourceRef[];
  readonly width: number;
  /**
   * The joined rows, read from `tables`: this statement's tables, one per source in the order of `sources`. A plan
   * outlives the statement it was made for (plan-cache.ts), so it never reads rows from the tables it was made with.
   */
  rows(tables: readonly Table[]): Iterable<readonly SqlValue[]>;
}

export function planFrom(items: readonly FromItem[], catalog: Catalog, base: Scope): FromPlan {
  const sources: SourceRef[] = [];
  const bound = { count: 0 };
  let plan: FromPlan | undefined;
  for (const item of items) {
    const next = planItem(item, catalog, base, sources, bound);
    plan = plan ? cross(plan, next, sources) : next;
  }
  return plan ?? { sources, width: 0, rows: () => [[]] };
}

/**
 * One FROM item. Catalog tables are read from the running statement's `tables` (numbered by `bound` in the order
 * they were resolved); a derived table or a CTE is the statement's own, read from its compiled query.
 */
function planItem(item: FromItem, catalog: Catalog, base: Scope, sources: SourceRef[], bound: { count: number }): FromPlan {
  if (item.kind === 'Derived') {
    const queries = base.queries ?? fail(obErrorWith('OB_NOT_SUPPORTED', 'Derived table here'));
    const compiled = queries(item.query, base);
    return ownSource(compiled.defs, () => compiled.run(), item.alias, sources);
  }
  if (item.kind === 'Table') {
    const cte = item.table.schema === undefined ? base.ctes?.get(item.table.name.toLowerCase()) : undefined;
    if (cte !== undefined) return ownSource(cte.defs, () => cte.rows(), item.alias ?? item.table.name, sources);
    const schema = item.table.schema ?? base.ctx.database;
    if (schema === undefined) fail(obError('OB_ERR_NO_DB_SELECTED'));
    const table = catalog.resolve(item.table.schema, item.table.name);
    if (!table) return fail(obErrorWith('OB_TABLE_NOT_EXIST', schema, item.table.name));
    const ref = addSource(table, schema, item.alias ?? item.table.name, sources);
    const index = bound.count++;
    return { sources: [ref], width: table.columns.length, rows: (tables) => tableAt(tables, index).rows() };
  }
  const left = planItem(item.left, catalog, base, sources, bound);
  const right = planItem(item.right, catalog, base, sources, bound);
  if (item.join === 'LEFT' || item.join === 'RIGHT') markOuter(sources, item.join === 'LEFT' ? right.sources : left.sources);
  const on = item.on ? compileExpr(item.on, derive(base, { sources, clause: 'on clause', aggs: undefined })) : undefined;
  return join(left, right, item.join, on?.fn, base.ctx.timeZone);
}

function addSource(table: Table, schema: string, alias: string, sources: SourceRef[]): SourceRef {
  if (sources.some((s) => s.alias.toLowerCase() === alias.toLowerCase())) fail(obErrorWith('OB_ERR_NONUNIQ_TABLE', alias));
  const offset = sources.reduce((n, s) => n + s.table.columns.length, 0);
  const ref: SourceRef = { table, schema, alias, offset, outer: false };
  sources.push(ref);
  return ref;
}

/** A derived table or CTE as a FROM source: columns named by the query's labels, in no database. */
function ownSource(defs: readonly ColumnDef[], rows: () => Iterable<readonly SqlValue[]>, alias: string, sources: SourceRef[]): FromPlan {
  const columns = defs.map((d): ColumnDef => ({ name: d.name, type: d.type, nullable: d.nullable }));
  const table: Table = { name: alias, columns, rows };
  const ref = addSource(table, '', alias, sources);
  return { sources: [ref], width: columns.length, rows: () => table.rows() };
}

/** The running statement's table for FROM source `index`. */
export function tableAt(tables: readonly Table[], index: number): Table {
  const table = tables[index];
  if (table === undefined) throw new InvariantError(`no table bound for FROM source ${index}`);
  return table;
}

function markOuter(all: SourceRef[], inner: readonly SourceRef[]): void {
  for (const s of inner) {
    const i = all.indexOf(s);
    if (i >= 0) all[i] = { ...s, outer: true };
  }
}

function cross(left: FromPlan, right: FromPlan, sources: readonly SourceRef[]): FromPlan {
  return join(left, right, 'CROSS', undefined, undefined, sources);
}

type OnFn = (row: readonly SqlValue[], aggs: readonly SqlValue[]) => SqlValue;

function join(
  left: FromPlan,
  right: FromPlan,
  kind: 'INNER' | 'LEFT' | 'RIGHT' | 'CROSS',
  on: OnFn | undefined,
  zone: string | undefined,
  all?: readonly SourceRef[],
): FromPlan {
  const width = left.width + right.width;
  const nullsLeft: SqlValue[] = new Array<SqlValue>(left.width).fill(null);
  const nullsRight: SqlValue[] = new Array<SqlValue>(right.width).fill(null);
  const matches = (row: readonly SqlValue[]): boolean => !on || truth(on(row, []), zone) === true;
  return {
    sources: all ?? [...left.sources, ...right.sources],
    width,
    *rows(tables) {
      const rightRows = [...right.rows(tables)];
      holdRows(rightRows.length, right.width);
      if (kind === 'RIGHT') {
        const leftRows = [...left.rows(tables)];
        holdRows(leftRows.length, left.width);
        for (const r of rightRows) {
          let hit = false;
          for (const l of leftRows) {
            spendRows(1);
            const row = [...l, ...r];
            if (matches(row)) {
              hit = true;
              yield row;
            }
          }
          if (!hit) yield [...nullsLeft, ...r];
        }
        return;
      }
      for (const l of left.rows(tables)) {
        let hit = false;
        for (const r of rightRows) {
          spendRows(1);
          const row = [...l, ...r];
          if (matches(row)) {
            hit = true;
            yield row;
          }
        }
        if (!hit && kind === 'LEFT') yield [...l, ...nullsRight];
      }
    },
  };
}
