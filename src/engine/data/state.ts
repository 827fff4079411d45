/** The engine's state, synthetic data: macroblocks, change log, log generation: see state.ts for the units and rules. */

// ---------------------------------------------------------------------------------------------------------------
// Synthetic data: macroblocks, change log, log generation
// ---------------------------------------------------------------------------------------------------------------

/**
 * The tenant's data. Macroblocks are numbered 0..macroBlockCount-1; macroblock i belongs to tablet
 * floor(i * tabletCount / macroBlockCount). A write marks a macroblock changed at a time: the change log is
 * append-only and ordered by time, kept in typed arrays (no per-macroblock objects), so "what changed after t"
 * costs O(changes) and "the version of every macroblock at t" is reconstructible (see macroblocks.ts).
 */
export interface TenantData {
  macroBlockCount: number;
  tabletCount: number;
  /** Output/input ratio of the copied macroblocks in a backup set, for this tenant (seeded; meta is extra). */
  compressionRatio: number;
  /** Steady write rate (bytes per virtual second), ALTER EMULATOR SET WRITE RATE. */
  writeRateBytesPerSec: number;
  /** Workload generated up to this time (µs). */
  writtenUntilUs: number;
  /** Fractional macroblocks owed by the steady workload (carried between steps). */
  writeCarry: number;
  changes: ChangeLog;
  /** Cumulative log bytes generated, as a piecewise-linear function of time (archive INPUT_BYTES). */
  logSegments: LogSegment[];
  /** Databases, tables and rows (MySQL-mode user tenants); absent until the first write and in older snapshots. */
  catalog?: DataCatalog;
}

export interface ChangeLog {
  /** Number of valid entries. */
  length: number;
  /** Change times (µs), non-decreasing; capacity >= length. */
  timesUs: Float64Array;
  /** Macroblock index per entry. */
  blocks: Uint32Array;
}

export interface LogSegment {
  fromUs: number;
  /** Cumulative log bytes at fromUs. */
  bytesAtFrom: number;
  /** Log bytes per second from fromUs on. */
  rateBytesPerSec: number;
}

// ---------------------------------------------------------------------------------------------------------------
// User data (issue 20): databases, tables and rows of a MySQL-mode user tenant, versioned by commit SCN
// ---------------------------------------------------------------------------------------------------------------

/**
 * Stored values are primitives only, so state survives v8.serialize and structuredClone (snapshots, --data-dir,
 * RESET): the SQL layer encodes DECIMAL as its canonical string, DATE/DATETIME/TIMESTAMP as bigint UTC micros, etc.
 */
export type StoredValue = null | bigint | number | string;
export type StoredRow = readonly StoredValue[];
/** A row at rest: packed into one flat string (data/row-codec.ts), a fraction of an array's memory. */
export type PackedRow = string;

/** Column types as plain data (the SQL layer interprets them; the engine only stores and copies them). */
export type ColumnType =
  | { readonly base: 'tinyint' | 'smallint' | 'mediumint' | 'int' | 'bigint'; readonly width: number; readonly unsigned: boolean }
  | { readonly base: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly base: 'float' | 'double' }
  | { readonly base: 'char' | 'varchar'; readonly length: number }
  | { readonly base: 'tinytext' | 'text' | 'mediumtext' | 'longtext' }
  | { readonly base: 'date' }
  | { readonly base: 'datetime' | 'timestamp'; readonly fsp: number };

export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  /** undefined: no DEFAULT clause; DEFAULT CURRENT_TIMESTAMP[(fsp)] is kept as the marker { now: fsp }. */
  readonly defaultValue?: StoredValue | { readonly now: number };
  readonly autoIncrement: boolean;
  /** ON UPDATE CURRENT_TIMESTAMP(fsp). */
  readonly onUpdateNow?: number;
  readonly comment?: string;
}

export interface IndexSchema {
  readonly name: string;
  /** Column positions. */
  readonly columns: readonly number[];
  readonly unique: boolean;
}

export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
  /** Column positions of the PRIMARY KEY; empty: a hidden pk (OceanBase's __pk_increment) the engine numbers. */
  readonly primaryKey: readonly number[];
  readonly indexes: readonly IndexSchema[];
  readonly comment?: string;
}

/**
 * A tenant's user objects. Databases and tables are versions: each lives from its createdScn until its droppedScn
 * (null while live), so a read at an older SCN (a restore, a standby's replay) sees the catalog as it was. DROP,
 * TRUNCATE, RENAME and ALTER end a version and (but DROP) start a new one; ended versions are kept only while a
 * restorable point still needs them (prune.ts).
 */
export interface DataCatalog {
  /**
   * The next object id. OceanBase 4 numbers tables and databases from one object-id sequence per tenant, user
   * objects above OB_MIN_USER_OBJECT_ID (500000), so `test` is 500001 and the first user table 500002.
   */
  nextObjectId: number;
  /** The next tablet id: user tablets are above ObTabletID::MIN_USER_TABLET_ID (= OB_MAX_INNER_TABLE_ID, 200000). */
  nextTabletId: number;
  /** The next macroblock index a user tablet is given (indexes below TenantData.macroBlockCount are synthetic). */
  nextBlock: number;
  /** The last commit SCN of the tenant (every DataOp that changes something is a commit). */
  lastCommitScn: bigint;
  databases: DatabaseVersion[];
  /** Table versions in creation order. */
  tables: TableVersion[];
}

export interface DatabaseVersion {
  id: number;
  /** Lower-cased: user tenants run with lower_case_table_names = 1 (OB_LOWERCASE_AND_INSENSITIVE). */
  name: string;
  createdScn: bigint;
  droppedScn: bigint | null;
  createdUs: number;
}

export interface TableVersion {
  tableId: number;
  tabletId: number;
  /** The database's lower-cased name. */
  database: string;
  schema: TableSchema;
  createdScn: bigint;
  droppedScn: bigint | null;
  /** CREATE_TIME: kept across RENAME and ALTER (the same table), renewed by CREATE. */
  createdUs: number;
  /** The next AUTO_INCREMENT value (reserved values are never handed out twice, as MySQL's counter). */
  autoIncrementNext: bigint;
  /** The rows. RENAME shares the store between the old and the new version (the same tablet). */
  store: TableStore;
}

/**
 * One tablet's rows. The latest committed version of each row is kept compact in `rows` (no SCN per row); older
 * versions live in `history` as before-images of each commit, newest last, so a read at SCN s is the latest rows
 * with every change after s undone. Key order: while every key arrived above the ones before it (auto-increment
 * keys, bulk loads), the Map's own order is the key order and nothing else is kept (`mapOrdered`); after the first
 * key that did not, `order` is sorted (it may hold keys deleted since) and keys inserted out of order wait in
 * `pending` until the next ordered read merges them.
 */
export interface TableStore {
  rows: Map<string, PackedRow>;
  /** True while the Map's insertion order is the key order (then `order` and `pending` stay empty). */
  mapOrdered: boolean;
  /** The greatest key inserted while `mapOrdered`. */
  maxKey: string;
  order: string[];
  pending: string[];
  /** Keys in `order` no longer in `rows` (the next merge drops them once they are many). */
  dead: number;
  history: UndoRecord[];
  /** Per unique secondary index (by name): encoded index key -> primary key, latest committed. */
  unique: Map<string, Map<string, string>>;
  /** The unique keys of each row, latest committed (tables with unique indexes only): to rebuild and to undo. */
  rowUnique: Map<string, readonly (string | null)[]>;
  /** The unique index names, in the order of RowWrite.uniqueKeys. */
  uniqueNames: string[];
  /** The next hidden primary key (tables without a PRIMARY KEY). */
  hiddenPkNext: number;
  /** Macroblocks of the tablet, in the order it filled them (indexes into the tenant's change log). */
  blocks: number[];
  /** When each of `blocks` was last marked changed in the change log (µs; -1: never). */
  blockMarkedUs: number[];
  /** Bytes appended to the tablet (inserts and row growth), which fill its macroblocks in order. */
  appendedBytes: number;
  /** Bytes of the rows now stored. */
  liveBytes: number;
}

/** The before-images of one commit on one tablet. */
export interface UndoRecord {
  scn: bigint;
  keys: string[];
  /** The row before the commit (null: the key did not exist). */
  before: (PackedRow | null)[];
  /** The unique keys before (tables with unique indexes only). */
  beforeUnique?: (readonly (string | null)[] | null)[];
}
