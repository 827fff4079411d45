/**
 * Statement results as JSON (the `POST /clusters/{name}/sql` answer). Values are the text the MySQL text protocol
 * sends (what the mysql CLI prints and mysql2 returns without type casting): integers and SCNs as digit strings, so
 * u64 SCNs stay exact in every language's JSON parser; decimals with their scale; times in the session time zone
 * with the column's fraction digits; NULL as null. Errors carry OceanBase's name, errno, SQLSTATE and message.
 */
import type { ObError } from '../errors.js';
import { textOf } from '../query/index.js';
import { typeText, type ColumnDef, type SqlValue } from '../result.js';
import type { StatementResult } from '../session/port.js';

export type JsonResult =
  | { readonly type: 'rows'; readonly columns: readonly { readonly name: string; readonly type: string }[]; readonly rows: readonly (readonly (string | null)[])[] }
  | { readonly type: 'ok'; readonly affectedRows: number | string; readonly lastInsertId: number | string; readonly warnings: number; readonly info?: string }
  | JsonError;

export interface JsonError {
  readonly type: 'error';
  readonly name: string;
  readonly errno: number;
  readonly sqlState: string;
  readonly message: string;
}

export function errorJson(e: ObError): JsonError {
  return { type: 'error', name: e.name, errno: e.errno, sqlState: e.sqlState, message: e.message };
}

export function resultJson(result: StatementResult, timeZone: string | undefined): JsonResult {
  if (result.kind === 'ObError') return errorJson(result);
  if (result.kind === 'ok') {
    return {
      type: 'ok',
      affectedRows: integer(result.affectedRows ?? 0),
      lastInsertId: integer(result.lastInsertId ?? 0),
      warnings: result.warnings ?? 0,
      ...(result.info === undefined || result.info === '' ? {} : { info: result.info }),
    };
  }
  const { columns, rows } = result.resultSet;
  return {
    type: 'rows',
    columns: columns.map((c) => ({ name: c.name, type: typeText(c.type) })),
    rows: rows.map((row) => row.map((v, i) => cell(v, columns[i], timeZone))),
  };
}

function cell(v: SqlValue, column: ColumnDef | undefined, timeZone: string | undefined): string | null {
  if (v === null) return null;
  const type = column?.type;
  const fsp = type !== undefined && (type.base === 'timestamp' || type.base === 'datetime') ? type.fsp : 0;
  return textOf(v, fsp, timeZone);
}

/** A count or id as a JSON number where it is exact, else as digits. */
function integer(n: bigint | number): number | string {
  const big = BigInt(n);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big.toString();
}
