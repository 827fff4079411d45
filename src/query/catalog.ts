/**
 * What the evaluator reads: tables (views, inner tables) behind a small catalog interface, and the session facts
 * an expression may ask for. Views implement `Table`; the session builds `EvalContext`. Nothing here knows where
 * rows come from.
 */
import type { ColumnDef, SqlValue } from '../result.js';
import type { TableSchema } from '../engine/index.js';
import type { UserTableAccess } from '../views/index.js';
import type { ParamSlots } from './param-slots.js';

/** One readable relation: a DBA_/CDB_ view, an inner table such as __all_server, or a test table. */
export interface Table {
  /** The name as OceanBase spells it (`CDB_OB_BACKUP_JOBS`, `__all_server`). */
  readonly name: string;
  /** Columns in the table's order; `SELECT *` labels are these names. */
  readonly columns: readonly ColumnDef[];
  /** SHOW FULL TABLES' Table_type: views are `SYSTEM VIEW`, inner tables `SYSTEM TABLE`. */
  readonly kind?: 'SYSTEM VIEW' | 'SYSTEM TABLE' | 'BASE TABLE' | 'VIEW';
  /** The rows, each with one value per column. Called once per statement (views compute from engine state). */
  rows(): Iterable<readonly SqlValue[]>;
  /**
   * Offered only where it truly holds: column `column` is a NON-NULL value UNIQUE among the table's rows, and
   * `rowsAscending()` returns exactly the rows of `rows()`, sorted ascending by that column as ORDER BY compares it
   * (bigints numerically). `ORDER BY <that column> [DESC] LIMIT n` then reads only the rows it needs
   * (ordered-scan.ts). Called instead of `rows()`, once per statement.
   */
  readonly keyOrder?: KeyOrder;
  /**
   * Offered only where it truly holds: `schema`'s primary key and unique indexes each name at most one of the
   * table's rows, and `keyLookup.rows` returns exactly the rows of `rows()` holding the keys it is given (the SQL
   * layer's encoding of their stored values, dml/keys.ts). `WHERE keycol = value AND …` then reads that row instead of every row
   * (key-lookup.ts). Called instead of `rows()`.
   */
  readonly keyLookup?: KeyLookup;
  /** Present on user tables (the data plane): their schema and keyed rows, for DML and the SHOW family. */
  readonly user?: UserTableAccess;
}

/** A table's rows in the order of a unique, non-null key column (see Table.keyOrder). */
export interface KeyOrder {
  readonly column: number;
  rowsAscending(): readonly (readonly SqlValue[])[];
}

/** A table's rows by key (see Table.keyLookup). */
export interface KeyLookup {
  /** The keys' columns and types: the primary key, then the unique indexes. */
  readonly schema: TableSchema;
  /**
   * The rows holding any of `keys` in unique index `index` (undefined: the primary key), each once, in the order
   * of `rows()`.
   */
  rows(index: string | undefined, keys: readonly string[]): readonly (readonly SqlValue[])[];
}

export interface Catalog {
  /**
   * The table `name` in `schema` (the current database when undefined). Names are case-insensitive; the catalog
   * decides visibility (a CDB_ view from a user tenant is simply absent).
   */
  resolve(schema: string | undefined, name: string): Table | undefined;
  /** Database names SHOW DATABASES lists, in display order. */
  databases(): readonly string[];
  /** Table names of one database, for SHOW TABLES; undefined when the database does not exist. */
  tables(database: string): readonly Table[] | undefined;
}

/** A system variable value as the session stores it (numbers as bigint, words as strings). */
export type SysVarValue = bigint | string;

export interface EvalContext {
  /** Session `time_zone` text (`+08:00`, `SYSTEM`, `Asia/Shanghai`); times render and strings parse in it. */
  readonly timeZone?: string;
  /** The virtual now, UTC microseconds since the epoch: NOW(), CURRENT_TIMESTAMP, SYSDATE(), UTC_TIMESTAMP(). */
  readonly nowMicros: bigint;
  /** The current database (`oceanbase`), or undefined when none is selected. */
  readonly database?: string;
  /** `user@host` as USER() shows it, e.g. `root@127.0.0.1`. */
  readonly user: string;
  /** `user@host-pattern` as CURRENT_USER() shows it, e.g. `root@%`. */
  readonly currentUser?: string;
  readonly connectionId: bigint;
  /** The session's tenant id: SHOW PARAMETERS shows the cluster rows and this tenant's. Undefined: the sys tenant. */
  readonly tenantId?: bigint;
  /** Session-scope system variables the session has changed (lower-case names). */
  readonly sessionVariables: ReadonlyMap<string, SysVarValue>;
  /** Global-scope system variables changed by SET GLOBAL (lower-case names). */
  readonly globalVariables: ReadonlyMap<string, SysVarValue>;
  /** User variables (`@x`), lower-case names. */
  readonly userVariables: ReadonlyMap<string, SqlValue>;
  /** Values bound to `?` parameters, by Parameter.index. */
  readonly params?: readonly SqlValue[];
  /** Set by plan-cache.ts while it builds a plan to keep: `?` then reads its value here when it runs. */
  readonly paramSlots?: ParamSlots;
  /** LAST_INSERT_ID(): the first AUTO_INCREMENT value the session's last INSERT generated. */
  readonly lastInsertId?: bigint;
  /** The version profile; defaults to OceanBase CE 4.2.5.0 (emulator.md). */
  readonly version?: VersionProfile;
}

export interface VersionProfile {
  /** `ob_version()`, e.g. `4.2.5.0`. */
  readonly obVersion: string;
  /** `@@version_comment`, e.g. `OceanBase_CE 4.2.5.0 (r…) (Built …)`. */
  readonly versionComment: string;
}
