/**
 * Typed SQL values and result sets: what views produce, what the query evaluator computes with, and what the wire
 * encodes into column definitions and text or binary rows.
 *
 * Representation rules (clients.md §2.3): integers are bigint, never number, so SCNs (u64 nanoseconds) stay exact
 * and never render with a fraction; decimals keep their scale; times are instants in UTC microseconds, rendered in
 * the session time zone at the edge.
 */

/** An exact decimal: unscaled * 10^-scale. `new Decimal(1234n, 2)` is 12.34. */
export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = this.scale > 0 ? `.${digits.slice(digits.length - this.scale)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }
}

/**
 * A DATETIME, TIMESTAMP or DATE value as an instant: microseconds since the Unix epoch, UTC. The session's
 * time zone decides how it is shown and how a string compared with it is read.
 */
export class Temporal {
  constructor(
    readonly type: 'DATETIME' | 'TIMESTAMP' | 'DATE',
    readonly utcMicros: bigint,
  ) {}
}

export type SqlValue = null | bigint | number | string | Decimal | Temporal;

/**
 * The parameters of a statement run without any: one frozen list shared by the session (COM_QUERY) and the wire
 * (COM_STMT_EXECUTE), so nothing is allocated per run and the session can tell by identity that they did not change.
 */
export const NO_PARAMETERS: readonly SqlValue[] = Object.freeze([]);

/** A column's SQL type as OceanBase's DESC prints it, e.g. bigint(20) unsigned, varchar(4096), decimal(32,4). */
export type SqlType =
  | { readonly base: 'bigint' | 'int' | 'mediumint' | 'smallint' | 'tinyint'; readonly width: number; readonly unsigned: boolean }
  | { readonly base: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly base: 'double' | 'float' }
  | { readonly base: 'varchar' | 'char'; readonly length: number }
  | { readonly base: 'longtext' | 'mediumtext' | 'tinytext' }
  /** TEXT (65535 bytes), as DESC prints `text` for several 4.2 event columns. */
  | { readonly base: 'text' }
  | { readonly base: 'timestamp' | 'datetime'; readonly fsp: number }
  | { readonly base: 'date' };

export interface ColumnDef {
  /** The label the client sees. */
  readonly name: string;
  readonly type: SqlType;
  /** As DESC prints it (which may say NO where values are NULL; views.md §2.2). */
  readonly nullable: boolean;
  /** Where the column comes from, for the wire's column definition (table alias, original names). */
  readonly table?: string;
  readonly orgTable?: string;
  readonly orgName?: string;
  readonly schema?: string;
}

export interface ResultSet {
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly (readonly SqlValue[])[];
}

/** The type text DESC shows: `bigint(20)`, `bigint(20) unsigned`, `varchar(4096)`, `decimal(32,4)`, `timestamp(6)`. */
export function typeText(type: SqlType): string {
  switch (type.base) {
    case 'bigint':
    case 'int':
    case 'mediumint':
    case 'smallint':
    case 'tinyint':
      return `${type.base}(${type.width})${type.unsigned ? ' unsigned' : ''}`;
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
    case 'varchar':
    case 'char':
      return `${type.base}(${type.length})`;
    case 'timestamp':
    case 'datetime':
      return type.fsp > 0 ? `${type.base}(${type.fsp})` : type.base;
    case 'double':
    case 'float':
    case 'longtext':
    case 'mediumtext':
    case 'tinytext':
    case 'text':
    case 'date':
      return type.base;
  }
}
