/**
 * SQL text -> statements for the session layer: the grammar's parse, with its syntax error turned into
 * OceanBase's 1064 ObError (ER_PARSE_ERROR, SQLSTATE 42000, `… near '<rest>' at line <n>`). Line and column stay
 * available for tools (the CLI prints them; a client only sees the message).
 */
import { parse as parseScript } from '../../grammar/index.js';
import type { ParsedStatement, SqlSyntaxError } from '../../grammar/index.js';
import { obErrorWith, parseErrorMessage } from '../errors.js';
import type { ObError } from '../errors.js';

/** A 1064 with where it happened. */
export interface SyntaxObError extends ObError {
  readonly line: number;
  readonly column: number;
}

export interface SqlParseResult {
  /** The statements before the first syntax error (all of them when there is none), to run in order. */
  readonly statements: readonly ParsedStatement[];
  readonly error: SyntaxObError | null;
}

/** The 1064 error value for a syntax error. */
export function syntaxErrorToObError(e: SqlSyntaxError): SyntaxObError {
  const base = obErrorWith('OB_ERR_PARSE_SQL', 'x', e.near, e.line);
  return { ...base, message: parseErrorMessage(e.near, e.line), line: e.line, column: e.column };
}

/** Parses a script (one COM_QUERY packet, or a CLI argument); never throws on any input. */
export function parseSql(sql: string): SqlParseResult {
  const { statements, error } = parseScript(sql);
  return { statements, error: error === null ? null : syntaxErrorToObError(error) };
}
