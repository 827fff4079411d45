/**
 * The shapes every view shares: what a view definition is (columns plus a pure row function of the cluster state,
 * the virtual now and the reading tenant) and the table / catalog objects the query evaluator reads. The table and
 * catalog shapes mirror src/query/catalog.ts structurally: views may not import src/query (module boundaries), so
 * a test checks that they stay assignable.
 */
import type { ClusterState, StoredRow, TableSchema } from '../engine/index.js';
import type { ColumnDef, SqlValue } from '../result.js';

export type Row = readonly SqlValue[];

/** What a view reads: never mutated, never cached. */
export interface ViewContext {
  readonly state: ClusterState;
  /** The virtual now, µs since the epoch (SYNC_SCN of a primary tenant, say). */
  readonly nowUs: number;
  /** The session's tenant: DBA_ views show its rows; CDB_ views exist only for sys. */
  readonly tenantId: number;
}

export type TableKind = 'SYSTEM VIEW' | 'SYSTEM TABLE';

/** Who may see a table: every tenant, or only sys (CDB_ views, cluster inner tables and views). */
export type Visibility = 'all' | 'sys';

export interface ViewDef {
  /** The name as OceanBase spells it. */
  readonly name: string;
  readonly kind: TableKind;
  readonly visibility: Visibility;
  readonly columns: readonly ColumnDef[];
  rows(ctx: ViewContext): readonly Row[];
  /**
   * Only where column `column` is non-null and unique among the rows of every context: the same rows as `rows(ctx)`,
   * sorted ascending by that column (bigints numerically). Bound into ViewTable.keyOrder by the catalog.
   */
  readonly keyOrder?: { readonly column: number; rowsAscending(ctx: ViewContext): readonly Row[] };
}

/** Structurally the evaluator's `Table`. */
export interface ViewTable {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly kind?: 'SYSTEM VIEW' | 'SYSTEM TABLE' | 'BASE TABLE' | 'VIEW';
  rows(): Iterable<Row>;
  /** Structurally the evaluator's `Table.keyOrder`. */
  readonly keyOrder?: { readonly column: number; rowsAscending(): readonly Row[] };
  /** Structurally the evaluator's `Table.keyLookup`. */
  readonly keyLookup?: { readonly schema: TableSchema; rows(index: string | undefined, keys: readonly string[]): readonly Row[] };
  /** Structurally the evaluator's `Table.user`. */
  readonly user?: UserTableAccess;
}

/** A user table's storage as DML, SHOW CREATE TABLE and information_schema read it (user-tables.ts). */
export interface UserTableAccess {
  readonly tableId: number;
  readonly tabletId: number;
  /** The database, lower-cased as the engine keeps it. */
  readonly database: string;
  readonly schema: TableSchema;
  readonly autoIncrementNext: bigint;
  readonly createdUs: number;
  readonly rowCount: number;
  readonly dataBytes: number;
  /** The rows with their primary keys, in key order, as the session sees them (its own writes included). */
  entries(): Iterable<readonly [string, StoredRow]>;
  get(key: string): StoredRow | undefined;
  /** The primary key of the row holding `key` in unique index `index`, as the session sees it. */
  unique(index: string, key: string): string | undefined;
}

/** Structurally the evaluator's `Catalog`. */
export interface ViewCatalog {
  resolve(schema: string | undefined, name: string): ViewTable | undefined;
  databases(): readonly string[];
  tables(database: string): readonly ViewTable[] | undefined;
}
