/**
 * Compares one statement or query record with a target's outcome. A mismatch gives a message (with a side-by-side
 * diff for rows) and, where the outcome says what the record should have been, the replacement record a rewrite
 * writes.
 */
import { OB_ERRORS, type ObErrorDef } from '../errors.js';
import { sideBySide } from './diff.js';
import type { QueryRecord, ScenarioRecord, StatementRecord } from './model.js';
import type { Outcome } from './target.js';
import { rowText } from './values.js';

export type Check = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly replacement: ScenarioRecord | null };

type ErrorOutcome = Extract<Outcome, { kind: 'error' }>;

function errorText(e: ErrorOutcome): string {
  return `ERROR ${e.errno} (${e.sqlState})${e.name === null ? '' : ` ${e.name}`}: ${e.message}`;
}

function sqlExcerpt(sql: readonly string[]): string {
  return sql.map((l) => `    ${l}`).join('\n');
}

export function checkRecord(record: StatementRecord | QueryRecord, outcome: Outcome): Check {
  return record.kind === 'statement' ? checkStatement(record, outcome) : checkQuery(record, outcome);
}

function checkStatement(record: StatementRecord, outcome: Outcome): Check {
  const where = `${record.directive}\n${sqlExcerpt(record.sql)}\n`;
  if (record.expect.kind === 'ok') {
    if (outcome.kind !== 'error') return { ok: true };
    return { ok: false, message: `${where}  expected success, got ${errorText(outcome)}`, replacement: asError(record, outcome, true) };
  }
  if (outcome.kind !== 'error') {
    const replacement: StatementRecord = { ...record, directive: 'statement ok', expect: { kind: 'ok' }, message: null };
    return { ok: false, message: `${where}  expected an error, but the statement succeeded`, replacement };
  }
  const problem = errorProblem(record, outcome);
  if (problem === null) return { ok: true };
  return { ok: false, message: `${where}  ${problem}\n  actual: ${errorText(outcome)}`, replacement: asError(record, outcome, record.message !== null) };
}

/** What is wrong with the error a statement returned, or null if it is the expected one. */
function errorProblem(record: StatementRecord, outcome: ErrorOutcome): string | null {
  if (record.expect.kind !== 'error') return null;
  const expected = record.expect.error;
  if (expected.kind === 'name') {
    const def: ObErrorDef = OB_ERRORS[expected.name as keyof typeof OB_ERRORS];
    const same = def.errno === outcome.errno && def.sqlState === outcome.sqlState && (outcome.name === null || outcome.name === expected.name);
    if (!same) return `expected ${expected.name} (ERROR ${def.errno} (${def.sqlState}))`;
  }
  if (expected.kind === 'pattern' && !new RegExp(expected.pattern).test(outcome.message)) return `expected a message matching /${expected.pattern}/`;
  if (record.message !== null && record.message !== outcome.message) return `expected the message: ${record.message}`;
  return null;
}

/** The record a rewrite writes for an error: the error by name, with its exact message when asked. */
function asError(record: StatementRecord, outcome: ErrorOutcome, withMessage: boolean): StatementRecord | null {
  if (outcome.name === null) return null;
  const directive = `statement error (${outcome.name})`;
  return { ...record, directive, expect: { kind: 'error', error: { kind: 'name', name: outcome.name } }, message: withMessage ? outcome.message : null };
}

function checkQuery(record: QueryRecord, outcome: Outcome): Check {
  const where = `${record.directive}\n${sqlExcerpt(record.sql)}\n`;
  if (outcome.kind === 'error') return { ok: false, message: `${where}  the query failed: ${errorText(outcome)}`, replacement: null };
  if (outcome.kind === 'ok') return { ok: false, message: `${where}  the statement returned no result set`, replacement: null };
  const sort = (rows: readonly string[]): readonly string[] => (record.sort === 'rowsort' ? [...rows].sort() : rows);
  const actual = sort(outcome.rows.map(rowText));
  const expected = sort(record.rows);
  const columnsOk = outcome.columns.length === record.types.length;
  const rowsOk = record.separator && actual.length === expected.length && actual.every((row, k) => row === expected[k]);
  if (columnsOk && rowsOk) return { ok: true };
  const directive = columnsOk ? record.directive : ['query', outcome.types, ...record.directive.trim().split(/\s+/).slice(2)].join(' ');
  const replacement: QueryRecord = { ...record, directive, types: columnsOk ? record.types : outcome.types, separator: true, rows: actual };
  const header = columnsOk
    ? `${where}  the rows differ${record.sort === 'rowsort' ? ' (both sides sorted: rowsort)' : ''}:\n`
    : `${where}  ${outcome.columns.length} columns (${outcome.columns.join(', ')}), but '${record.types}' declares ${record.types.length}:\n`;
  return { ok: false, message: header + sideBySide(expected, actual), replacement };
}
