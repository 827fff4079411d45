/**
 * information_schema over any catalog: `withInformationSchema(catalog, ctx)` answers the schema's tables (SYSTEM
 * VIEWs of `information_schema`, as OceanBase lists them) and passes every other name to `catalog`. Rows are
 * computed when read, from what `catalog` lists then and the running statement's session, so they follow the views
 * the registry has and the tenant's visibility without a list of their own. The wrapper is made per statement
 * (it holds the statement's context) and kept while catalog and context are the same objects.
 */
import type { ColumnDef, SqlValue } from '../../result.js';
import type { Catalog, EvalContext, Table } from '../catalog.js';
import * as C from './columns.js';
import * as R from './rows.js';

export const INFORMATION_SCHEMA = 'information_schema';

type Rows = (catalog: Catalog, ctx: EvalContext) => readonly (readonly SqlValue[])[];

const NONE: Rows = () => [];

/** Every table of the schema, in SHOW TABLES order (by name). */
const DEFS: readonly (readonly [name: string, columns: readonly ColumnDef[], rows: Rows])[] = [
  ['CHARACTER_SETS', C.CHARACTER_SETS, () => R.charsetRows()],
  ['COLLATION_CHARACTER_SET_APPLICABILITY', C.COLLATION_CHARACTER_SET_APPLICABILITY, () => R.applicabilityRows()],
  ['COLLATIONS', C.COLLATIONS, () => R.collationRows()],
  ['COLUMN_PRIVILEGES', C.COLUMN_PRIVILEGES, NONE],
  ['COLUMNS', C.COLUMNS, (cat) => R.columnsRows(cat)],
  ['ENGINES', C.ENGINES, () => R.ENGINE_ROWS],
  ['EVENTS', C.EVENTS, NONE],
  ['FILES', C.FILES, NONE],
  ['GLOBAL_STATUS', C.VARIABLES, NONE],
  ['GLOBAL_VARIABLES', C.VARIABLES, (_, ctx) => R.variablesRows(ctx, 'GLOBAL')],
  ['KEY_COLUMN_USAGE', C.KEY_COLUMN_USAGE, (cat) => R.keyColumnUsageRows(cat)],
  ['PARAMETERS', C.PARAMETERS, NONE],
  ['PARTITIONS', C.PARTITIONS, NONE],
  ['PLUGINS', C.PLUGINS, NONE],
  ['PROCESSLIST', C.PROCESSLIST, (_, ctx) => R.processlistRows(ctx)],
  ['REFERENTIAL_CONSTRAINTS', C.REFERENTIAL_CONSTRAINTS, NONE],
  ['ROUTINES', C.ROUTINES, NONE],
  ['SCHEMA_PRIVILEGES', C.SCHEMA_PRIVILEGES, NONE],
  ['SCHEMATA', C.SCHEMATA, (cat) => R.schemataRows(cat)],
  ['SESSION_STATUS', C.VARIABLES, NONE],
  ['SESSION_VARIABLES', C.VARIABLES, (_, ctx) => R.variablesRows(ctx, 'SESSION')],
  ['STATISTICS', C.STATISTICS, (cat) => R.statisticsRows(cat)],
  ['TABLE_CONSTRAINTS', C.TABLE_CONSTRAINTS, (cat) => R.tableConstraintRows(cat)],
  ['TABLE_PRIVILEGES', C.TABLE_PRIVILEGES, NONE],
  ['TABLES', C.TABLES, (cat) => R.tablesRows(cat)],
  ['TRIGGERS', C.TRIGGERS, NONE],
  ['USER_PRIVILEGES', C.USER_PRIVILEGES, (_, ctx) => R.userPrivilegeRows(ctx)],
  ['VIEWS', C.VIEWS, (cat) => R.viewsRows(cat)],
];

const BY_NAME = new Map(DEFS.map((d) => [d[0].toLowerCase(), d]));

export function isInformationSchema(name: string | undefined): boolean {
  return name !== undefined && name.toLowerCase() === INFORMATION_SCHEMA;
}

const kept = new WeakMap<Catalog, { ctx: EvalContext; catalog: Catalog }>();

/** `catalog` with information_schema answered over it, for one statement run with `ctx`. */
export function withInformationSchema(catalog: Catalog, ctx: EvalContext): Catalog {
  const last = kept.get(catalog);
  if (last !== undefined && last.ctx === ctx) return last.catalog;
  const wrapped = wrap(catalog, ctx);
  kept.set(catalog, { ctx, catalog: wrapped });
  return wrapped;
}

function wrap(under: Catalog, ctx: EvalContext): Catalog {
  const hasSchema = (): boolean => under.databases().some(isInformationSchema);
  const tables = new Map<string, Table>();
  const table = (def: (typeof DEFS)[number]): Table => {
    let t = tables.get(def[0]);
    if (t === undefined) {
      const [name, columns, rows] = def;
      t = { name, columns, kind: 'SYSTEM VIEW', rows: () => rows(self, ctx) };
      tables.set(name, t);
    }
    return t;
  };
  const self: Catalog = {
    resolve(schema, name) {
      const here = schema === undefined ? isInformationSchema(ctx.database) : isInformationSchema(schema);
      if (!here) return under.resolve(schema, name);
      const def = BY_NAME.get(name.toLowerCase());
      return def === undefined || !hasSchema() ? undefined : table(def);
    },
    databases: () => under.databases(),
    tables(database) {
      if (!isInformationSchema(database) || !hasSchema()) return under.tables(database);
      return DEFS.map(table);
    },
  };
  return self;
}
