/**
 * The bulk INSERT's fast path: `INSERT | REPLACE [IGNORE] [INTO] name[.name] [(col, …)] VALUES | VALUE (v, …), …`
 * where every value is a literal (a number with at most one leading `-`, a quoted string, NULL, TRUE, FALSE,
 * DEFAULT), read by one pass over the characters instead of chevrotain's lexer, parser and CST visitor, which
 * spend some 8 µs per row of a 1,000-row INSERT (bench/data-insert.ts).
 *
 * It builds exactly the AST the chevrotain path builds (ast-data.ts buildInsert, ast-expr.ts buildLiteral): the
 * same literal kinds, number texts as the lexer matches them, strings unescaped by the same stringValue. Anything
 * else (an expression, ON DUPLICATE KEY, a comment, a non-ASCII name, a syntax error) gives undefined and the
 * normal parser runs, so errors and every other statement are its own. test/unit/grammar/fast-insert.test.ts checks both.
 */
import type { DataStatement, Expr, TableName, ValueItem } from './ast.js';
import { stringValue } from './cst-util.js';
import { RESERVED } from './tokens.js';

type Insert = Extract<DataStatement, { kind: 'Insert' }>;

const enum C {
  Space = 32,
  DoubleQuote = 34,
  Dollar = 36,
  Quote = 39,
  LParen = 40,
  RParen = 41,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Backslash = 92,
  Underscore = 95,
  Backquote = 96,
}

/** The lexer's DecimalLiteral (tokens.ts), tried before IntegerLiteral as the lexer tries them. */
const DECIMAL = /(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/y;

/** A value that is not one of the literals above: the statement is left to chevrotain. */
const MISS = null;

function isDigit(c: number): boolean {
  return c >= C.Zero && c <= C.Nine;
}

/** The lexer's white space: `[ \t\n\v\f\r]`. */
function isSpace(c: number): boolean {
  return c === C.Space || (c >= 9 && c <= 13);
}

/** ASCII letters, `_` and `$` start a word; digits continue one. Non-ASCII name characters are left to the lexer. */
function isWordStart(c: number): boolean {
  const lower = c | 0x20;
  return (lower >= 97 && lower <= 122) || c === C.Underscore || c === C.Dollar;
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  /** The character code after any white space (NaN at the end). */
  next(): number {
    const { text } = this;
    while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos += 1;
    return text.charCodeAt(this.pos);
  }

  /** Consumes `c` if it comes next. */
  eat(c: number): boolean {
    if (this.next() !== c) return false;
    this.pos += 1;
    return true;
  }

  /** The bare word that comes next, as spelled; undefined when none, or when a non-ASCII name character follows. */
  word(): string | undefined {
    const { text } = this;
    const start = this.pos;
    if (!isWordStart(this.next())) return undefined;
    const from = this.pos;
    let i = from + 1;
    for (let c = text.charCodeAt(i); isWordStart(c) || isDigit(c); c = text.charCodeAt(i)) i += 1;
    if (text.charCodeAt(i) >= 0x80) {
      this.pos = start;
      return undefined;
    }
    this.pos = i;
    return text.slice(from, i);
  }

  /** Consumes the keyword `upper` (given upper-case) if it is the next word. */
  keyword(upper: string): boolean {
    const start = this.pos;
    const w = this.word();
    if (w !== undefined && w.length === upper.length && w.toUpperCase() === upper) return true;
    this.pos = start;
    return false;
  }

  /** Offset just past the quote that closes the one at `pos`, or -1: the same scan as split.ts and the lexer. */
  closing(quote: number): number {
    const { text } = this;
    let i = this.pos + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === C.Backslash && quote !== C.Backquote) i += 2;
      else if (c !== quote) i += 1;
      else if (text.charCodeAt(i + 1) === quote) i += 2;
      else return i + 1;
    }
    return -1;
  }

  /** A name as the `Name` token reads it: a word that is not reserved, or a back-quoted identifier. */
  name(): string | undefined {
    if (this.next() === C.Backquote) {
      const end = this.closing(C.Backquote);
      if (end < 0) return undefined;
      const image = this.text.slice(this.pos + 1, end - 1);
      this.pos = end;
      return image.indexOf('`') < 0 ? image : image.replace(/``/g, '`');
    }
    const start = this.pos;
    const w = this.word();
    if (w !== undefined && !RESERVED.has(w.toUpperCase())) return w;
    this.pos = start;
    return undefined;
  }
}

/** `name` or `schema.name`, as ast-query.ts buildTableName gives it. */
function tableName(s: Scanner): TableName | undefined {
  const a = s.name();
  if (a === undefined) return undefined;
  if (!s.eat(C.Dot)) return { name: a };
  const b = s.name();
  return b === undefined ? undefined : { schema: a, name: b };
}

/** `(col, t.col, …)` after its `(`: the column of each (buildInsert keeps only that), through the `)`. */
function columnList(s: Scanner): string[] | undefined {
  const columns: string[] = [];
  if (s.eat(C.RParen)) return columns;
  do {
    let column = s.name();
    if (column !== undefined && s.eat(C.Dot)) column = s.name();
    if (column === undefined) return undefined;
    columns.push(column);
  } while (s.eat(C.Comma));
  return s.eat(C.RParen) ? columns : undefined;
}

/** A number at `pos` as the lexer matches it: DecimalLiteral first, else IntegerLiteral. */
function numberLiteral(s: Scanner): Expr {
  const { text } = s;
  const start = s.pos;
  let i = start;
  while (isDigit(text.charCodeAt(i))) i += 1;
  const c = text.charCodeAt(i) | 0x20;
  if (c === C.Dot || c === 101 /* e */ || i === start) {
    DECIMAL.lastIndex = start;
    if (DECIMAL.test(text)) i = DECIMAL.lastIndex;
  }
  s.pos = i;
  return { kind: 'NumberLiteral', text: text.slice(start, i) };
}

function startsNumber(s: Scanner, c: number): boolean {
  return isDigit(c) || (c === C.Dot && isDigit(s.text.charCodeAt(s.pos + 1)));
}

/** A quoted string at `pos`, unescaped as the chevrotain path does (cst-util.ts stringValue). */
function stringLiteral(s: Scanner, quote: number): Expr | typeof MISS {
  const end = s.closing(quote);
  if (end < 0) return MISS;
  const value = stringValue(s.text.slice(s.pos, end));
  s.pos = end;
  return { kind: 'StringLiteral', value };
}

const WORD_VALUES: Readonly<Record<string, ValueItem>> = {
  NULL: { kind: 'NullLiteral' },
  TRUE: { kind: 'BoolLiteral', value: true },
  FALSE: { kind: 'BoolLiteral', value: false },
  DEFAULT: undefined,
};

/** NULL, TRUE, FALSE or DEFAULT (which a row holds as undefined); a fresh node each, as the parser builds them. */
function wordValue(s: Scanner): ValueItem | typeof MISS {
  const w = s.word()?.toUpperCase();
  if (w === undefined || !Object.hasOwn(WORD_VALUES, w)) return MISS;
  const v = WORD_VALUES[w];
  return v === undefined ? undefined : { ...v };
}

/** One value of a row: a literal, `-` and a number (a Unary, as the expression builder folds a prefix), a word. */
function value(s: Scanner): ValueItem | typeof MISS {
  const c = s.next();
  if (c === C.Quote || c === C.DoubleQuote) return stringLiteral(s, c);
  if (startsNumber(s, c)) return numberLiteral(s);
  if (c === C.Minus) {
    s.pos += 1;
    // `--` may start a comment and `- -1` is two operators: only `-` then a number is the fast path's.
    if (!startsNumber(s, s.next())) return MISS;
    return { kind: 'Unary', op: '-', operand: numberLiteral(s) };
  }
  return wordValue(s);
}

/**
 * `(v, …)` after its `(`, through the `)`; `()` is a row of defaults. The values gather in `scratch` and the row
 * is an exact copy: an array grown by push keeps room for 16 values, three times a 4-column row's size, and a
 * bulk INSERT keeps every row until it has run.
 */
function valuesRow(s: Scanner, scratch: ValueItem[]): ValueItem[] | undefined {
  scratch.length = 0;
  if (s.eat(C.RParen)) return [];
  do {
    const v = value(s);
    if (v === MISS) return undefined;
    scratch.push(v);
  } while (s.eat(C.Comma));
  return s.eat(C.RParen) ? scratch.slice() : undefined;
}

/** The rows after VALUES, which must end the text. */
function valuesRows(s: Scanner): ValueItem[][] | undefined {
  const rows: ValueItem[][] = [];
  const scratch: ValueItem[] = [];
  do {
    if (!s.eat(C.LParen)) return undefined;
    const row = valuesRow(s, scratch);
    if (row === undefined) return undefined;
    rows.push(row);
  } while (s.eat(C.Comma));
  return Number.isNaN(s.next()) ? rows : undefined;
}

/** The statement's head through VALUES: what buildInsert reads before the rows. */
function insertHead(s: Scanner): Omit<Insert, 'source' | 'onDuplicate'> | undefined {
  const replace = s.keyword('REPLACE');
  if (!replace && !s.keyword('INSERT')) return undefined;
  const ignore = s.keyword('IGNORE');
  s.keyword('INTO');
  const table = tableName(s);
  if (table === undefined) return undefined;
  const columns = s.eat(C.LParen) ? columnList(s) : null;
  if (columns === undefined) return undefined;
  if (!s.keyword('VALUES') && !s.keyword('VALUE')) return undefined;
  return { kind: 'Insert', replace, ignore, table, ...(columns === null ? {} : { columns }) };
}

/**
 * The AST of one statement's text (as parse() cuts it: trimmed, without its `;`) when it is a VALUES insert of
 * literals; undefined for anything else, which the chevrotain path then parses.
 */
export function fastInsert(text: string): Insert | undefined {
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 105 /* i */ && first !== 114 /* r */) return undefined;
  const s = new Scanner(text);
  const head = insertHead(s);
  if (head === undefined) return undefined;
  const rows = valuesRows(s);
  if (rows === undefined) return undefined;
  return { ...head, source: { kind: 'Values', rows }, onDuplicate: [] };
}
