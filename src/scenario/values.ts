/**
 * How result values appear in expected blocks: exactly the MySQL text protocol's rendering, so a value read in
 * process and the same value read over the wire through mysql2 compare equal. Integers are digits, decimals keep
 * their scale, doubles use the shortest round-trip digits, times are 'YYYY-MM-DD HH:MM:SS' plus the column's
 * fraction digits in the session time zone, dates 'YYYY-MM-DD'. In the file, NULL is `NULL`, an empty string is
 * `(empty)` (as sqllogictest writes it), and tab, newline and backslash are escaped so a row stays on one line.
 */
import { Decimal, Temporal, type ColumnDef, type SqlValue } from '../index.js';
import type { Cell } from './target.js';

/** A cell as it is written in an expected row. */
export function cellText(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (cell === '') return '(empty)';
  return cell.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function rowText(cells: readonly Cell[]): string {
  return cells.map(cellText).join('\t');
}

/** The text the MySQL text protocol sends for `value` in `column`, or null for NULL. */
export function textOf(value: SqlValue, column: ColumnDef, offsetSecondsAt: (utcMicros: bigint) => number): Cell {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value).replace('e+', 'e');
  if (value instanceof Decimal) return value.toString();
  return temporalText(value, column, offsetSecondsAt);
}

const MICROS_PER_DAY = 86_400_000_000n;

function temporalText(value: Temporal, column: ColumnDef, offsetSecondsAt: (utcMicros: bigint) => number): string {
  const isDate = value.type === 'DATE' || column.type.base === 'date';
  const local = value.type === 'DATE' ? value.utcMicros : value.utcMicros + BigInt(offsetSecondsAt(value.utcMicros)) * 1_000_000n;
  let days = local / MICROS_PER_DAY;
  let rest = local % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  // The calendar day through Date in UTC: exact for every day a view can show.
  const day = new Date(Number(days) * 86_400_000).toISOString().slice(0, 10);
  if (isDate) return day;
  const micros = Number(rest);
  const seconds = Math.floor(micros / 1_000_000);
  const clock = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  const fsp = column.type.base === 'timestamp' || column.type.base === 'datetime' ? column.type.fsp : 0;
  const fraction = fsp > 0 ? `.${String(micros % 1_000_000).padStart(6, '0').slice(0, fsp)}` : '';
  return `${day} ${clock}${fraction}`;
}
