/**
 * The data plane's operations (issue 20): what the SQL layer asks the engine to do to user data, and what the
 * --data-dir journal records. Each runs atomically for the session's tenant (executeData).
 */
import type { StoredRow, StoredValue, TableSchema } from '../state.js';

/**
 * One row change inside a commit. key: the primary key encoded by the SQL layer (an opaque string that sorts and
 * compares as the pk does, as JavaScript compares strings); '' with a row on a table without a PRIMARY KEY inserts
 * a row under the next hidden pk. row null = delete. uniqueKeys: for each UNIQUE secondary index in the order of
 * schema.indexes, the encoded key (null when a column is NULL: no conflict) and the text MySQL shows in
 * "Duplicate entry '<display>' for key '<index>'". insert: the key must not exist when the commit applies (a
 * concurrent insert of the same key fails with 1062 for 'PRIMARY', keyDisplay the text shown).
 */
export interface RowWrite {
  readonly tableId: number;
  readonly key: string;
  readonly row: StoredRow | null;
  readonly uniqueKeys?: readonly ({ readonly index: string; readonly key: string; readonly display: string } | null)[];
  readonly insert?: boolean;
  readonly keyDisplay?: string;
}

export interface TableRef {
  readonly database: string;
  readonly name: string;
}

export type DataOp =
  | { readonly op: 'createDatabase'; readonly name: string; readonly ifNotExists: boolean }
  | { readonly op: 'dropDatabase'; readonly name: string; readonly ifExists: boolean }
  /** rows: CREATE TABLE … AS SELECT (tableId 0 = the new table). */
  | { readonly op: 'createTable'; readonly database: string; readonly schema: TableSchema; readonly ifNotExists: boolean; readonly rows?: readonly RowWrite[] }
  | { readonly op: 'dropTable'; readonly tables: readonly TableRef[]; readonly ifExists: boolean }
  | { readonly op: 'truncateTable'; readonly database: string; readonly name: string }
  | { readonly op: 'renameTable'; readonly renames: readonly { readonly from: TableRef; readonly to: TableRef }[] }
  /** ADD/DROP COLUMN: every row is rewritten: new row[i] = typeof map[i] === 'number' ? old[map[i]] : map[i].value. */
  | {
      readonly op: 'alterTable';
      readonly database: string;
      readonly name: string;
      readonly schema: TableSchema;
      readonly columnMap: readonly (number | { readonly value: StoredValue })[];
    }
  | { readonly op: 'commit'; readonly writes: readonly RowWrite[] }
  /**
   * Reserves `count` AUTO_INCREMENT values of a table (at least `atLeast` when given: an explicit larger value
   * moves the counter, as MySQL's does). Not transactional, as in MySQL: a rolled-back insert leaves a gap.
   * DataOutcome.autoIncrement is the first value reserved.
   */
  | { readonly op: 'reserveAutoIncrement'; readonly tableId: number; readonly count: number; readonly atLeast?: bigint };

export interface DataOutcome {
  readonly kind: 'data';
  readonly affectedRows: number;
  /** The commit's SCN; absent when the op changed nothing (IF [NOT] EXISTS that found its answer). */
  readonly commitScn?: bigint;
  readonly autoIncrement?: bigint;
}
