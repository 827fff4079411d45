/**
 * How `ob-backup-sim repl` prints a statement's outcome: as the mysql CLI does in a terminal (a boxed table with
 * numbers right-aligned, or `\G`'s one line per column, then `N rows in set (0.00 sec)`; `Query OK, …`; `ERROR
 * errno (state): message`), values in the MySQL text protocol's rendering, as a client would see them.
 */
import type { ColumnDef, ResultSet, StatementResult } from '../index.js';
import { isObError } from '../index.js';
import { textOf } from '../scenario/values.js';

export type Layout = 'table' | 'vertical';

const NUMERIC = new Set(['bigint', 'int', 'mediumint', 'smallint', 'tinyint', 'decimal', 'double', 'float']);

/** The text printed for one statement's result; `seconds` is its wall time, shown as the mysql CLI shows it. */
export function formatResult(result: StatementResult, layout: Layout, seconds: number, offsetAt: (utcMicros: bigint) => number): string {
  const took = `(${seconds.toFixed(2)} sec)`;
  if (isObError(result)) return `ERROR ${result.errno} (${result.sqlState}): ${result.message}\n`;
  if (result.kind === 'ok') {
    const n = Number(result.affectedRows ?? 0);
    const warnings = result.warnings ?? 0;
    return `Query OK, ${n} ${n === 1 ? 'row' : 'rows'} affected ${took}\n${result.info ?? ''}${result.info ? '\n' : ''}${warnings > 0 ? `Warnings: ${warnings}\n` : ''}`;
  }
  const set = result.resultSet;
  if (set.rows.length === 0) return `Empty set ${took}\n`;
  const cells = set.rows.map((row) => row.map((v, i) => textOf(v, set.columns[i] as ColumnDef, offsetAt) ?? 'NULL'));
  const body = layout === 'vertical' ? vertical(set, cells) : table(set, cells);
  return `${body}${set.rows.length} ${set.rows.length === 1 ? 'row' : 'rows'} in set ${took}\n`;
}

function table(set: ResultSet, cells: readonly (readonly string[])[]): string {
  const widths = set.columns.map((c, i) => Math.max(width(c.name), ...cells.map((row) => width(row[i] ?? ''))));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const line = (values: readonly string[], alignRight: (i: number) => boolean): string =>
    `|${values.map((v, i) => ` ${pad(v, widths[i] ?? 0, alignRight(i))} `).join('|')}|\n`;
  const numeric = (i: number): boolean => NUMERIC.has(set.columns[i]?.type.base ?? '');
  return rule + line(set.columns.map((c) => c.name), () => false) + rule + cells.map((row) => line(row, numeric)).join('') + rule;
}

function vertical(set: ResultSet, cells: readonly (readonly string[])[]): string {
  const nameWidth = Math.max(...set.columns.map((c) => width(c.name)));
  return cells
    .map((row, r) => {
      const head = `${'*'.repeat(27)} ${r + 1}. row ${'*'.repeat(27)}\n`;
      return head + set.columns.map((c, i) => `${pad(c.name, nameWidth, true)}: ${row[i] ?? ''}\n`).join('');
    })
    .join('');
}

/** Terminal columns of a string: code points (the views hold no wide characters). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/**
 * Whether the text typed so far ends a statement: a `;` or `\G` at its end, outside quotes and comments (as the
 * mysql CLI decides when to send). Returns the statement and its layout, or null to read another line.
 */
export function completeStatement(text: string): { readonly sql: string; readonly layout: Layout } | null {
  let quote: string | null = null;
  let block = false;
  let end = -1;
  let layout: Layout = 'table';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (block) {
      if (c === '*' && next === '/') (block = false), i++;
      continue;
    }
    if (quote !== null) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && next === '*') (block = true), i++;
    else if ((c === '-' && next === '-' && /\s/.test(text[i + 2] ?? ' ')) || c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    } else if (c === ';' || (c === '\\' && (next === 'G' || next === 'g'))) {
      end = i;
      layout = c === ';' ? 'table' : next === 'G' ? 'vertical' : 'table';
      if (c === '\\') i++;
      continue;
    } else if (!/\s/.test(c)) end = -1;
  }
  if (quote !== null || block || end < 0) return null;
  return { sql: text.slice(0, end).trim(), layout };
}
