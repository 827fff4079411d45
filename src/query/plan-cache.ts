/**
 * Plans of SELECTs kept for the next run of the same statement. Pollers, operators and drivers send the same few
 * statements over and over, the parse cache hands back the same AST for the same text, and building the plan
 * (resolving names, compiling expressions, labelling columns) was most of what such a query cost.
 *
 * A plan is a function of the statement, the schemas of the tables it names, and whatever it read of the session
 * context while it was built. It is reused only when that is provably all the same:
 * - the context is observed while the plan is built; a plan that read anything but the time zone, the current
 *   database and the types of the `?` values (NOW(), USER(), @@vars, @x) is never kept, and its statement is not
 *   planned for keeping again. A `?` reads its value when it runs (param-slots.ts); a plan that read one while it
 *   was built is not kept either. A kept plan's context is sealed: a compiled expression that read it while running would get the first
 *   run's values, so it throws instead, and tests find it.
 * - every table is resolved again through the running statement's catalog and must have the very same column
 *   list (the view definition's own array), name, key order and lookup schema; the plan then reads the rows of
 *   these tables, never those it was built with (it is built over row-less shapes of them, which throw when read).
 */
import type { SelectStatement } from '../../grammar/ast.js';
import { InvariantError } from '../errors.js';
import type { TableSchema } from '../engine/index.js';
import type { ColumnDef } from '../result.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { ParamSlots, paramSignature } from './param-slots.js';
import { buildPlan, type Plan } from './plan.js';

/** What a plan is run with: the plan and the statement's tables, one per FROM source in order. */
export interface BoundPlan {
  readonly plan: Plan;
  readonly tables: readonly Table[];
}

/** A table as the plan resolved it: how it was named, and what made the plan. */
interface TableUse {
  readonly schema: string | undefined;
  readonly name: string;
  readonly tableName: string;
  readonly columns: readonly ColumnDef[];
  readonly keyColumn: number | undefined;
  /** The schema whose keys the plan may look rows up by (Table.keyLookup), if the table offered any. */
  readonly lookupSchema: TableSchema | undefined;
}

interface KeptPlan {
  readonly plan: Plan;
  readonly timeZone: string | undefined;
  readonly database: string | undefined;
  readonly uses: readonly TableUse[];
  /** The types of the `?` values (param-slots.ts), and the slots the plan reads them from. */
  readonly params: string;
  readonly slots: ParamSlots;
}

/** The context fields a kept plan may depend on; all are part of the key (`params` through its types). */
const KEYED_FIELDS: ReadonlySet<PropertyKey> = new Set<keyof EvalContext>(['timeZone', 'database', 'params', 'paramSlots']);

/** Statements whose plans read more of the context than KEYED_FIELDS: built afresh every time, without observing. */
const UNKEPT = Symbol('unkept');

const kept = new WeakMap<SelectStatement, KeptPlan | typeof UNKEPT>();

/** The plan of `stmt` bound to `catalog`'s tables: the kept one when it still holds, else a new one. */
export function planSelect(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): BoundPlan {
  const entry = kept.get(stmt);
  if (entry === UNKEPT) return buildBound(stmt, catalog, ctx);
  const params = paramSignature(ctx.params);
  if (entry !== undefined && entry.timeZone === ctx.timeZone && entry.database === ctx.database && entry.params === params) {
    const tables = rebind(entry.uses, catalog);
    if (tables !== undefined) {
      // Runs are synchronous, one at a time: the plan reads these values until the next run sets its own.
      entry.slots.values = ctx.params ?? [];
      return { plan: entry.plan, tables };
    }
  }
  const slots = new ParamSlots(ctx.params ?? []);
  const observed = observe(params === '' ? ctx : { ...ctx, paramSlots: slots });
  const uses: TableUse[] = [];
  const tables: Table[] = [];
  const plan = buildPlan(stmt, shapesOf(catalog, uses, tables), observed.ctx);
  slots.building = false;
  // A constant plan's row is computed once and kept with it (select.ts): with a `?` in it, it would be the first run's.
  const folded = slots.readWhileBuilding || (params !== '' && plan.constantRow);
  if (folded || ![...observed.reads].every((field) => KEYED_FIELDS.has(field))) {
    kept.set(stmt, UNKEPT);
    return { plan, tables };
  }
  observed.seal();
  kept.set(stmt, { plan, timeZone: ctx.timeZone, database: ctx.database, uses, params, slots });
  return { plan, tables };
}

/** A plan used once, over the real tables and the live context. */
function buildBound(stmt: SelectStatement, catalog: Catalog, ctx: EvalContext): BoundPlan {
  const tables: Table[] = [];
  const plan = buildPlan(
    stmt,
    resolving(catalog, (table) => {
      tables.push(table);
      return table;
    }),
    ctx,
  );
  return { plan, tables };
}

/** `catalog`, with every table it resolves noted and handed to the plan as `use` returns it. */
export function resolving(catalog: Catalog, use: (table: Table, schema: string | undefined, name: string) => Table): Catalog {
  return {
    databases: () => catalog.databases(),
    tables: (database) => catalog.tables(database),
    resolve(schema, name) {
      const table = catalog.resolve(schema, name);
      return table === undefined ? undefined : use(table, schema, name);
    },
  };
}

/** The kept plan's tables as `catalog` resolves them now, or undefined when any differs from what made the plan. */
function rebind(uses: readonly TableUse[], catalog: Catalog): Table[] | undefined {
  const tables: Table[] = [];
  for (const use of uses) {
    const table = catalog.resolve(use.schema, use.name);
    if (table === undefined || table.columns !== use.columns || table.name !== use.tableName || table.keyOrder?.column !== use.keyColumn) return undefined;
    if (table.keyLookup?.schema !== use.lookupSchema) return undefined;
    tables.push(table);
  }
  return tables;
}

/** `catalog`, resolving to row-less shapes of its tables while noting each resolution and the real table. */
function shapesOf(catalog: Catalog, uses: TableUse[], tables: Table[]): Catalog {
  return resolving(catalog, (table, schema, name) => {
    const keyColumn = table.keyOrder?.column;
    const lookupSchema = table.keyLookup?.schema;
    uses.push({ schema, name, tableName: table.name, columns: table.columns, keyColumn, lookupSchema });
    tables.push(table);
    return {
      name: table.name,
      columns: table.columns,
      kind: table.kind,
      rows: rowless,
      ...(keyColumn === undefined ? {} : { keyOrder: { column: keyColumn, rowsAscending: rowless } }),
      ...(lookupSchema === undefined ? {} : { keyLookup: { schema: lookupSchema, rows: rowless } }),
    };
  });
}

function rowless(): never {
  throw new InvariantError('a plan read rows from the table it was built with, not from the running statement');
}

/** `ctx` behind a proxy that notes every field read, and throws on any read once sealed. */
function observe(ctx: EvalContext): { ctx: EvalContext; reads: Set<PropertyKey>; seal(): void } {
  const reads = new Set<PropertyKey>();
  let sealed = false;
  const proxy = new Proxy(ctx, {
    get(target, field, receiver) {
      if (sealed) throw new InvariantError(`a kept plan read the session context (${String(field)}) while running`);
      reads.add(field);
      return Reflect.get(target, field, receiver) as unknown;
    },
  });
  return { ctx: proxy, reads, seal: () => (sealed = true) };
}

/** Whether a plan of `stmt` is kept for its next run (for tests and diagnostics). */
export function hasKeptPlan(stmt: SelectStatement): boolean {
  const entry = kept.get(stmt);
  return entry !== undefined && entry !== UNKEPT;
}
