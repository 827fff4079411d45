/**
 * The public API of the dialect: parse a script into statements, print a statement back as SQL, and the AST types.
 *
 * Syntax errors are values, never exceptions: whatever the input (invalid UTF-16, NUL bytes, a megabyte of `(`,
 * unterminated strings or comments), {@link parse} returns a result in time and memory linear in the input.
 */
import { EOF } from './runtime/chevrotain.js';
import type { IToken } from 'chevrotain';
import type { Statement } from './ast.js';
import { buildStatement } from './cst-to-ast.js';
import { BuildError } from './cst-util.js';
import { fastInsert } from './fast-insert.js';
import { parseTokens } from './parser.js';
import { openVersionedComments, splitStatements } from './split.js';
import type { StatementSpan } from './split.js';
import { tokenize } from './tokens.js';

export type * from './ast.js';
export { assertNever } from './ast.js';
export { OWNER, ownedBy } from './ast-owner.js';
export type { KindOwnedBy, Owner, OwnedBy, StatementOf } from './ast-owner.js';
export { print, printExpr } from './print.js';
export { splitStatements, MAX_PAREN_DEPTH } from './split.js';
export type { StatementSpan } from './split.js';

/** A syntax error, located in the text given to {@link parse}. The wire turns it into MySQL error 1064. */
export interface SqlSyntaxError {
  readonly kind: 'SyntaxError';
  /**
   * The rest of the failing statement from the offending token, as OceanBase prints it after `near`; the empty
   * string when the statement ended too early (OceanBase prints `near ''`).
   */
  readonly near: string;
  /** 1-based line of the offending token in the parsed text (the `at line n` of the message). */
  readonly line: number;
  /** 1-based column of the offending token on that line, in UTF-16 code units. */
  readonly column: number;
  /** 0-based offset of the offending token in the parsed text. */
  readonly offset: number;
  /** The failing statement's text. */
  readonly statement: string;
}

/** One statement of a script: its AST and its own source text (trimmed, without the `;`). */
export interface ParsedStatement {
  readonly ast: Statement;
  readonly text: string;
  /** Offset of `text` in the script. */
  readonly offset: number;
}

/**
 * The statements of a script in order, up to the first syntax error. A client's multi-statement packet runs
 * statement by statement, so the statements before a bad one still run: they are all here, followed by `error`.
 */
export interface ParseResult {
  readonly statements: readonly ParsedStatement[];
  readonly error: SqlSyntaxError | null;
}

/** How {@link parse} reads: the defaults are what the emulator runs; tests and benches compare against the others. */
export interface ParseOptions {
  /**
   * Whether a bulk `INSERT … VALUES` of literals is read by fast-insert.ts instead of chevrotain (default true).
   * Both give the same AST; false is the reference the fast path is tested and measured against.
   */
  readonly fastPaths?: boolean;
}

/**
 * Parses a `;`-separated script: empty statements, a trailing `;` and comments are allowed. An empty script gives
 * no statements and no error (the wire decides whether that is "Query was empty").
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const sql = openVersionedComments(text);
  const fastPaths = options.fastPaths ?? true;
  const statements: ParsedStatement[] = [];
  for (const span of splitStatements(sql)) {
    if (!span.hasContent) continue;
    const outcome = parseSpan(sql, span, fastPaths);
    if ('kind' in outcome) return { statements, error: outcome };
    statements.push(outcome);
  }
  return { statements, error: null };
}

/** Parses text that must hold exactly one statement (a trailing `;` allowed), e.g. a prepared statement. */
export function parseOne(sql: string): { readonly ok: true; readonly statement: ParsedStatement } | { readonly ok: false; readonly error: SqlSyntaxError } {
  const result = parse(sql);
  if (result.error !== null) return { ok: false, error: result.error };
  const [first, second] = result.statements;
  if (first === undefined) return { ok: false, error: syntaxError(sql, { start: 0, end: sql.length }, sql.length) };
  if (second !== undefined) return { ok: false, error: syntaxError(sql, { start: second.offset, end: sql.length }, second.offset - 1) };
  return { ok: true, statement: first };
}

type Span = Pick<StatementSpan, 'start' | 'end'>;

function syntaxError(sql: string, span: Span, offset: number): SqlSyntaxError {
  const at = Math.max(span.start, Math.min(offset, span.end));
  let line = 1;
  let lineStart = 0;
  for (let i = sql.indexOf('\n'); i >= 0 && i < at; i = sql.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return {
    kind: 'SyntaxError',
    near: sql.slice(at, span.end),
    line,
    column: at - lineStart + 1,
    offset: at,
    statement: sql.slice(span.start, span.end),
  };
}

/** The offset (in the script) of the first problem in `text`, or the AST. `end` marks "ran out of input". */
function parseText(text: string, base: number): { ast: Statement } | { offset: number; atEnd: boolean } {
  const lexed = tokenize(text);
  if (lexed.errorAt !== null) return { offset: base + lexed.errorAt, atEnd: false };
  try {
    const { cst, errors } = parseTokens(lexed.tokens);
    const first = errors[0];
    if (first !== undefined) return tokenProblem(first.token, text, base);
    if (cst === undefined) return { offset: base + text.length, atEnd: true };
    return { ast: buildStatement(cst, text) };
  } catch (e) {
    if (e instanceof BuildError) return tokenProblem(e.token, text, base);
    // Nesting that is not parentheses (CASE in CASE, NOT chains are loops) can still be deep: fail, never throw.
    if (e instanceof RangeError) return { offset: base, atEnd: false };
    throw e;
  }
}

function tokenProblem(token: IToken, text: string, base: number): { offset: number; atEnd: boolean } {
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return { offset: base + text.length, atEnd: true };
  return { offset: base + token.startOffset, atEnd: false };
}

function parseSpan(sql: string, span: StatementSpan, fastPaths: boolean): ParsedStatement | SqlSyntaxError {
  if (span.problemAt !== null) {
    // An earlier syntax error wins over the unterminated quote or the too-deep `(` found by the scan.
    const before = parseText(sql.slice(span.start, span.problemAt), span.start);
    const at = 'offset' in before && !before.atEnd ? before.offset : span.problemAt;
    return syntaxError(sql, span, at);
  }
  const text = sql.slice(span.start, span.end);
  const fast = fastPaths ? fastInsert(text) : undefined;
  if (fast !== undefined) return { ast: fast, text, offset: span.start };
  const result = parseText(text, span.start);
  if ('ast' in result) return { ast: result.ast, text, offset: span.start };
  return syntaxError(sql, span, result.offset);
}
