/**
 * Column builders in DESC's own words: `bigint(20)`, `bigint(20) unsigned`, `varchar(n)`, `timestamp(6)`, … and
 * the Null flag as DESC prints it (which says NO for several columns whose values are NULL; views.md §2.2).
 */
import type { ColumnDef, SqlType } from '../result.js';

export type Null = 'YES' | 'NO';

export const T = {
  bigint: (width = 20): SqlType => ({ base: 'bigint', width, unsigned: false }),
  ubigint: (): SqlType => ({ base: 'bigint', width: 20, unsigned: true }),
  varchar: (length: number): SqlType => ({ base: 'varchar', length }),
  longtext: (): SqlType => ({ base: 'longtext' }),
  text: (): SqlType => ({ base: 'text' }),
  timestamp6: (): SqlType => ({ base: 'timestamp', fsp: 6 }),
  datetime6: (): SqlType => ({ base: 'datetime', fsp: 6 }),
  decimal: (precision: number, scale: number): SqlType => ({ base: 'decimal', precision, scale }),
  double: (): SqlType => ({ base: 'double' }),
} as const;

export function col(name: string, type: SqlType, nullable: Null): ColumnDef {
  return { name, type, nullable: nullable === 'YES' };
}

/** The TENANT_ID column a CDB_ twin puts first (`bigint(20)`, Null NO in every sys-tenant DESC). */
export const TENANT_ID_COLUMN: ColumnDef = col('TENANT_ID', T.bigint(), 'NO');
