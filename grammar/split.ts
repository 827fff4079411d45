/**
 * Splits a script into `;`-separated statements without lexing it: quotes, back-quotes and comments are skipped
 * so a `;` inside them does not split. The same pass finds what must fail before the lexer runs: an unterminated
 * string or comment, and parentheses nested deeper than the parser may recurse.
 */

/** Deeper nesting is a 1064 before parsing: the recursive-descent parser must never exhaust the stack. */
export const MAX_PAREN_DEPTH = 200;

export interface StatementSpan {
  /** Offset of the first character that is not white space (a leading comment belongs to the statement). */
  readonly start: number;
  /** Offset just past the last character that is not white space, before the `;`. */
  readonly end: number;
  /** False when the span holds only white space and comments (an empty statement, skipped). */
  readonly hasContent: boolean;
  /** Where the first problem found by the scan starts: the opening quote or comment, or the too-deep `(`. */
  readonly problemAt: number | null;
}

const enum C {
  Tab = 9,
  Lf = 10,
  Space = 32,
  DoubleQuote = 34,
  Hash = 35,
  Quote = 39,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Minus = 45,
  Slash = 47,
  Semicolon = 59,
  Backslash = 92,
  Backquote = 96,
}

function isSpace(c: number): boolean {
  return c === C.Space || (c >= C.Tab && c <= 13);
}

/** Characters the scan must look at: white space and what starts or ends a quote, a comment, a statement or a `(`. */
const SPECIAL = new Uint8Array(128);
for (const c of [C.DoubleQuote, C.Hash, C.Quote, C.LParen, C.RParen, C.Minus, C.Slash, C.Semicolon, C.Backquote]) SPECIAL[c] = 1;
for (let c = 0; c <= C.Space; c++) SPECIAL[c] = 1;

function isSpecial(c: number): boolean {
  return c < 128 && SPECIAL[c] === 1;
}

/** Offset just past the closing quote, or -1 if the text ends first. */
export function skipQuoted(sql: string, at: number, quote: number): number {
  const n = sql.length;
  let i = at + 1;
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (c === C.Backslash && quote !== C.Backquote) i += 2;
    else if (c === quote) {
      if (sql.charCodeAt(i + 1) === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return -1;
}

function skipLine(sql: string, at: number): number {
  const nl = sql.indexOf('\n', at);
  return nl < 0 ? sql.length : nl + 1;
}

/** Splits `sql` into statement spans, empty ones included; scanning stops at the first unterminated span. */
export function splitStatements(sql: string): StatementSpan[] {
  const spans: StatementSpan[] = [];
  const n = sql.length;
  let i = 0;
  let start = -1;
  let end = 0;
  let hasContent = false;
  let depth = 0;
  let problemAt: number | null = null;
  const close = (): void => {
    if (start >= 0) spans.push({ start, end, hasContent, problemAt });
    start = -1;
    hasContent = false;
    depth = 0;
    problemAt = null;
  };
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    if (c === C.Semicolon) {
      close();
      i += 1;
      continue;
    }
    if (start < 0) start = i;
    let next: number;
    if (c === C.Quote || c === C.DoubleQuote || c === C.Backquote) {
      next = skipQuoted(sql, i, c);
      hasContent = true;
    } else if (c === C.Hash || (c === C.Minus && sql.charCodeAt(i + 1) === C.Minus && sql.charCodeAt(i + 2) <= C.Space)) {
      // A line comment ends at the newline, which is white space: `end` stays before it.
      const stop = skipLine(sql, i);
      end = sql.charCodeAt(stop - 1) === C.Lf ? stop - 1 : stop;
      i = stop;
      continue;
    } else if (c === C.Slash && sql.charCodeAt(i + 1) === C.Star) {
      const stop = sql.indexOf('*/', i + 2);
      next = stop < 0 ? -1 : stop + 2;
    } else {
      hasContent = true;
      if (c === C.LParen && ++depth > MAX_PAREN_DEPTH && problemAt === null) problemAt = i;
      else if (c === C.RParen && depth > 0) depth -= 1;
      // Most of a statement is plain characters (words, digits, operators): skip them in one tight loop.
      next = i + 1;
      while (next < n && !isSpecial(sql.charCodeAt(next))) next += 1;
    }
    if (next < 0) {
      // Unterminated: the rest of the script belongs to this statement, which fails here.
      hasContent = true;
      problemAt ??= i;
      end = n;
      while (end > i && isSpace(sql.charCodeAt(end - 1))) end -= 1;
      close();
      return spans;
    }
    i = next;
    end = next;
  }
  close();
  return spans;
}

/** The MySQL version OceanBase 4.2 reports (`5.7.25-OceanBase_CE-v4.2.5.0`): `/*!50725 …*\/` and older run. */
const SERVER_VERSION = 50725;

/**
 * The text with MySQL's executable comments opened: `/*!40101 SET NAMES utf8 *\/` reads as `SET NAMES utf8` (the
 * markers become spaces, so offsets stay) when its version is at most the server's; a newer one stays a comment,
 * as does MariaDB's `/*M!…*\/`. Dump tools and drivers send these around every statement they care about.
 */
export function openVersionedComments(sql: string): string {
  if (!sql.includes('/*!')) return sql;
  const out = sql.split('');
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql.charCodeAt(i);
    if (c === C.Quote || c === C.DoubleQuote || c === C.Backquote) {
      const next = skipQuoted(sql, i, c);
      if (next < 0) break;
      i = next;
      continue;
    }
    if (c !== C.Slash || sql.charCodeAt(i + 1) !== C.Star) {
      i += 1;
      continue;
    }
    const stop = sql.indexOf('*/', i + 2);
    if (stop < 0) break;
    const m = /^!(\d{5,6})?/.exec(sql.slice(i + 2, i + 9));
    if (m === null || (m[1] !== undefined && Number(m[1]) > SERVER_VERSION)) {
      i = stop + 2;
      continue;
    }
    const open = 2 + m[0].length;
    for (let k = i; k < i + open; k++) out[k] = ' ';
    const close = closingMarker(sql, i + open);
    if (close < 0) break;
    out[close] = ' ';
    out[close + 1] = ' ';
    i = close + 2;
  }
  return out.join('');
}

/** The `*\/` that ends an opened executable comment, skipping quoted text inside it. */
function closingMarker(sql: string, from: number): number {
  let i = from;
  while (i < sql.length) {
    const c = sql.charCodeAt(i);
    if (c === C.Quote || c === C.DoubleQuote || c === C.Backquote) {
      i = skipQuoted(sql, i, c);
      if (i < 0) return -1;
      continue;
    }
    if (c === C.Star && sql.charCodeAt(i + 1) === C.Slash) return i;
    i += 1;
  }
  return -1;
}
