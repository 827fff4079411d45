/**
 * The dialect's tokens and its one lexer: case-insensitive keywords, names, literals, variables and operators.
 *
 * Reserved words follow OceanBase's MySQL-mode keyword list (sql_parser_mysql_mode.y, "reserved keyword"); every
 * other keyword carries the NonReserved category and is accepted wherever a name is (tenant `backup`, column
 * `status`, function `count`).
 */
import { Lexer, createToken } from './runtime/chevrotain.js';
import type { ILexingResult, IToken, TokenType } from 'chevrotain';
import { LEXER_TABLE } from './runtime/generated-tables.js';
import { tableLexer } from './runtime/lexer.js';
import type { LexResult } from './runtime/lexer.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
/** `-- ` needs a space or control character after the dashes, as in MySQL; `#` runs to the end of the line. */
export const LineComment = createToken({ name: 'LineComment', pattern: /--[\x00-\x20][^\n]*|#[^\n]*/, group: Lexer.SKIPPED });
/** Also optimizer hints `/*+ … *\/`: the emulator has no optimizer, so a hint is a comment. */
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });

/**
 * A name: an identifier, a back-quoted identifier or a non-reserved keyword. A category rather than a rule, so a
 * name costs one token match instead of a rule call (names are most of what a query is made of).
 */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
export const Identifier = createToken({
  name: 'Identifier',
  // Non-ASCII letters are name characters; a lone surrogate (text that was not valid UTF-8) is not.
  pattern:
    /(?:[A-Za-z_$\u0080-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])(?:[A-Za-z0-9_$\u0080-\ud7ff\ue000-\uffff]|[\ud800-\udbff][\udc00-\udfff])*/,
  categories: [Name],
});
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`(?:[^`]|``)*`/, categories: [Name] });
/** Category of every keyword that is not reserved: usable as a name. */
export const NonReserved = createToken({ name: 'NonReserved', pattern: Lexer.NA });

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });
export const SingleQuoted = createToken({
  name: 'SingleQuoted',
  pattern: /'(?:[^'\\]|\\[\s\S]|'')*'/,
  categories: [StringLiteral],
});
/** MySQL mode without ANSI_QUOTES: a double-quoted text is a string, not a name. */
export const DoubleQuoted = createToken({
  name: 'DoubleQuoted',
  pattern: /"(?:[^"\\]|\\[\s\S]|"")*"/,
  categories: [StringLiteral],
});

export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA });
export const DecimalLiteral = createToken({
  name: 'DecimalLiteral',
  pattern: /(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/,
  categories: [NumberLiteral],
});
export const IntegerLiteral = createToken({ name: 'IntegerLiteral', pattern: /\d+/, categories: [NumberLiteral] });

export const SystemVariableToken = createToken({
  name: 'SystemVariable',
  pattern: /@@(?:[A-Za-z_$][\w$]*\.)?(?:[A-Za-z_$][\w$]*|`(?:[^`]|``)*`)/,
});
export const UserVariableToken = createToken({
  name: 'UserVariable',
  pattern: /@(?:[\w$.]+|`(?:[^`]|``)*`|'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*")/,
});

function op(name: string, pattern: string | RegExp, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, categories });
}

/**
 * Categories that keep operators in source order in the CST: binary operators fold by precedence in cst-to-ast,
 * so the parser only needs to know that an operator follows.
 */
export const ArithOperator = createToken({ name: 'ArithOperator', pattern: Lexer.NA });
export const PrefixOperator = createToken({ name: 'PrefixOperator', pattern: Lexer.NA });
export const LogicalOperator = createToken({ name: 'LogicalOperator', pattern: Lexer.NA });
export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA });

export const NullSafeEquals = op('NullSafeEquals', '<=>', [ComparisonOperator]);
export const LessEquals = op('LessEquals', '<=', [ComparisonOperator]);
export const GreaterEquals = op('GreaterEquals', '>=', [ComparisonOperator]);
export const NotEquals = op('NotEquals', /<>|!=/, [ComparisonOperator]);
export const ShiftLeft = op('ShiftLeft', '<<', [ArithOperator]);
export const ShiftRight = op('ShiftRight', '>>', [ArithOperator]);
export const Assign = op('Assign', ':=');
export const AndAnd = op('AndAnd', '&&', [LogicalOperator]);
export const OrOr = op('OrOr', '||', [LogicalOperator]);
export const Less = op('Less', '<', [ComparisonOperator]);
export const Greater = op('Greater', '>', [ComparisonOperator]);
export const Equals = op('Equals', '=', [ComparisonOperator]);
export const Bang = op('Bang', '!', [PrefixOperator]);
export const Tilde = op('Tilde', '~', [PrefixOperator]);
export const Caret = op('Caret', '^', [ArithOperator]);
export const Ampersand = op('Ampersand', '&', [ArithOperator]);
export const Pipe = op('Pipe', '|', [ArithOperator]);
export const Plus = op('Plus', '+', [ArithOperator, PrefixOperator]);
export const Minus = op('Minus', '-', [ArithOperator, PrefixOperator]);
export const Star = op('Star', '*', [ArithOperator]);
export const Slash = op('Slash', '/', [ArithOperator]);
export const Percent = op('Percent', '%', [ArithOperator]);
export const LParen = op('LParen', '(');
export const RParen = op('RParen', ')');
export const Comma = op('Comma', ',');
export const Dot = op('Dot', '.');
export const Semicolon = op('Semicolon', ';');
export const Question = op('Question', '?');
export const Colon = op('Colon', ':');

/** Keyword tokens by upper-case word. */
export const KW = {} as Record<Word, TokenType>;
/** The reserved words: a name spelled like one must be back-quoted. */
export const RESERVED = new Set<string>();
const keywordList: TokenType[] = [];

/** Keywords that are also operators. */
const extraCategories: Partial<Record<Word, TokenType[]>> = {
  AND: [LogicalOperator],
  OR: [LogicalOperator],
  XOR: [LogicalOperator],
  DIV: [ArithOperator],
  MOD: [ArithOperator],
};

/** Keyword tokens by upper-case spelling, for the lexer's second pass over names. */
const KEYWORD_BY_WORD = new Map<string, TokenType>();

/**
 * Keyword tokens have no pattern of their own: the lexer matches a name once and then looks the word up, which is
 * several times faster than trying two hundred case-insensitive patterns, each with `longer_alt: Identifier`,
 * at every word (measured with bench/parse.ts). The effect is the same: `backup_set_id` stays a name.
 */
function keywords(reserved: boolean, words: readonly Word[]): void {
  for (const word of words) {
    const token = createToken({ name: word, pattern: Lexer.NA });
    // The categories are set here rather than given to createToken, which re-links a category's whole member list
    // at every new member (quadratic: some 15 ms of a fresh process's start for 280 keywords). chevrotain links
    // them once when it builds the parser from the vocabulary, the only place categories are matched (a test
    // checks every non-reserved keyword matches Name).
    token.CATEGORIES = [...(reserved ? [] : [NonReserved, Name]), ...(extraCategories[word] ?? [])];
    KW[word] = token;
    if (reserved) RESERVED.add(word);
    keywordList.push(token);
    KEYWORD_BY_WORD.set(word, token);
  }
}

const RESERVED_WORDS = [
  'ADD', 'ALL', 'ALTER', 'AND', 'AS', 'ASC', 'BETWEEN', 'BINARY', 'BOTH', 'BY', 'CASE', 'CAST', 'CHAR', 'CHARACTER',
  'COLLATE', 'CONVERT', 'CREATE', 'CROSS', 'DATABASE', 'DATABASES', 'DEFAULT', 'DELETE', 'DESC', 'DESCRIBE',
  'DISTINCT', 'DIV', 'DROP', 'DUAL', 'ELSE', 'EXISTS', 'EXPLAIN', 'FALSE', 'FOR', 'FORCE', 'FROM', 'GROUP', 'HAVING',
  'IF', 'IN', 'INNER', 'INSERT', 'INTERVAL', 'INTO', 'IS', 'JOIN', 'KEY', 'LEFT', 'LIKE', 'LIMIT', 'MOD', 'NOT',
  'NULL', 'ON', 'OR', 'ORDER', 'OUTER', 'PRIMARY', 'PURGE', 'READ', 'REPLACE', 'RIGHT', 'SCHEMA', 'SCHEMAS',
  'SELECT', 'SET', 'SHOW', 'TABLE', 'TABLEGROUP', 'THEN', 'TO', 'TRUE', 'UPDATE', 'USE', 'USING', 'WHEN', 'WHERE',
  'WITH', 'WRITE', 'XOR',
] as const;
const NON_RESERVED_WORDS = [
  'ACTIVATE', 'ADVANCE', 'AFTER', 'ARCHIVE', 'ARCHIVELOG', 'BACKUP', 'BACKUPPIECE', 'BACKUPSET', 'BACKUP_COPIES', 'BEGIN', 'CANCEL',
  'CHARSET', 'CLEAN', 'CLEAR', 'CLOCK', 'COLUMNS', 'COMMENT', 'COMMIT', 'COMMITTED', 'CONNECTION', 'COPY', 'DAYS', 'DECRYPTION',
  'DESCRIPTION', 'DEST', 'DOWN', 'EMULATOR', 'ENCRYPTED', 'ENCRYPTION', 'END', 'ERROR', 'ERRORS', 'ESCAPE', 'FAULT', 'FAULTS', 'FIELDS', 'FULL', 'GLOBAL',
  'HOURS', 'IDENTIFIED', 'INCREMENTAL', 'INJECT', 'ISOLATION', 'JOB', 'KILL', 'LEVEL', 'LOAD', 'LOCAL', 'MACROBLOCKS', 'MANUAL', 'MB',
  'MEMORY', 'MINUTES', 'NAMES', 'NOARCHIVELOG', 'OBSOLETE', 'OFFSET', 'ONLY', 'PARAMETERS', 'PER', 'PLUS', 'POLICY',
  'POOL', 'PREVIEW', 'PROCESSLIST', 'QUERY', 'RATE', 'REALTIME', 'RECOVER', 'RECOVERY_WINDOW', 'REDUNDANCY', 'REMAP',
  'REPEATABLE', 'RESET', 'RESOURCE', 'RESTORE', 'RESUME', 'ROLLBACK', 'RUN', 'SAVE', 'SCN', 'SCOPE', 'SECOND', 'SECONDS',
  'SERIALIZABLE', 'SERVER', 'SESSION', 'SOURCE', 'SPEED', 'SPFILE', 'STANDBY', 'START', 'STATUS', 'SUSPEND',
  'SWITCHOVER', 'SYSTEM', 'TABLES', 'TABLESPACE', 'TENANT', 'THROUGHPUT', 'TIME', 'TRANSACTION', 'TRUNCATE', 'UNCOMMITTED', 'UNIT',
  'UNKNOWN', 'UNLIMITED', 'UNTIL', 'UPGRADE', 'VALIDATE', 'VARIABLES', 'VERIFY', 'WARNINGS', 'WORK', 'ZONE',
] as const;
/** Words of queries and of what browsing clients send (subqueries, UNION, WITH, the SHOW family, LOCK TABLES). */
const QUERY_RESERVED_WORDS = ['INDEX', 'LOCK', 'LOW_PRIORITY', 'PROCEDURE', 'RECURSIVE', 'RELEASE', 'SQL_CACHE', 'SQL_NO_CACHE', 'UNION', 'UNLOCK'] as const;
const QUERY_NON_RESERVED_WORDS = [
  'COLLATION', 'CONSISTENT', 'ENGINES', 'EVENTS', 'FUNCTION', 'GRANTS', 'INDEXES', 'KEYS', 'LOCKED', 'MASTER', 'MODE', 'NOWAIT',
  'PLUGINS', 'SAVEPOINT', 'SHARE', 'SKIP', 'SNAPSHOT', 'STORAGE', 'TRIGGERS', 'VIEW', 'WAIT',
] as const;
/** Words of the data plane's DDL and DML (rules-data.ts); reserved as MySQL reserves them where a name could follow. */
const DATA_RESERVED_WORDS = ['COLUMN', 'CONSTRAINT', 'IGNORE', 'RENAME', 'UNIQUE'] as const;
const DATA_NON_RESERVED_WORDS = [
  'AUTO_INCREMENT', 'CASCADE', 'DISABLE', 'DUPLICATE', 'ENABLE', 'ENGINE', 'FIRST', 'QUICK', 'RESTRICT', 'SIGNED', 'UNSIGNED', 'VALUE', 'VALUES', 'ZEROFILL',
] as const;
type Word =
  | (typeof DATA_RESERVED_WORDS)[number]
  | (typeof DATA_NON_RESERVED_WORDS)[number]
  | (typeof RESERVED_WORDS)[number]
  | (typeof NON_RESERVED_WORDS)[number]
  | (typeof QUERY_RESERVED_WORDS)[number]
  | (typeof QUERY_NON_RESERVED_WORDS)[number];

keywords(true, RESERVED_WORDS);
keywords(false, NON_RESERVED_WORDS);
keywords(true, QUERY_RESERVED_WORDS);
keywords(false, QUERY_NON_RESERVED_WORDS);
keywords(true, DATA_RESERVED_WORDS);
keywords(false, DATA_NON_RESERVED_WORDS);

/** The lexer's order: skipped text, variables, literals, keywords, names, then operators (longest first). */
export const lexerTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  SystemVariableToken,
  UserVariableToken,
  SingleQuoted,
  DoubleQuoted,
  QuotedIdentifier,
  DecimalLiteral,
  IntegerLiteral,
  Identifier,
  NullSafeEquals,
  LessEquals,
  GreaterEquals,
  NotEquals,
  ShiftLeft,
  ShiftRight,
  Assign,
  AndAnd,
  OrOr,
  Less,
  Greater,
  Equals,
  Bang,
  Tilde,
  Caret,
  Ampersand,
  Pipe,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  Comma,
  Dot,
  Semicolon,
  Question,
  Colon,
];

/** What the lexer is built from, in its order: every lexed token, then the keywords. */
export const lexerDefinition: readonly TokenType[] = [...lexerTokens, ...keywordList];

/** The parser's vocabulary: every lexed token, the keywords and the categories. */
export const vocabulary: TokenType[] = [
  ...lexerTokens,
  ...keywordList,
  Name,
  NonReserved,
  StringLiteral,
  NumberLiteral,
  ArithOperator,
  PrefixOperator,
  LogicalOperator,
  ComparisonOperator,
];

let lexer: ((text: string) => LexResult) | undefined;

/**
 * The one lexer, built on first use from the generated table (runtime/lexer.ts says why), or chevrotain's Lexer
 * should the table be stale. The keywords (pattern-less) are listed so chevrotain's lexer gives them the token
 * indexes the second pass assigns. Pattern validation is skipped here: the tests build a lexer from
 * lexerDefinition with it on.
 */
function getLexer(): (text: string) => LexResult {
  lexer ??= tableLexer(lexerTokens, LEXER_TABLE) ?? chevrotainLexer();
  return lexer;
}

/** The parts of chevrotain 11's Lexer that the fallback wraps. */
interface LexerInternals {
  readonly tokenizeInternal?: (text: string, mode: string) => ILexingResult;
  readonly defaultMode?: string;
}

/**
 * chevrotain's `tokenize` first checks the lexer's definition errors with lodash's `isEmpty`, a few percent of a
 * short statement's parse. A lexer with definition errors throws when built, so the check can never fail here:
 * call what it wraps (and `tokenize` itself should a later chevrotain not have it).
 */
function chevrotainLexer(): (text: string) => LexResult {
  const l = new Lexer([...lexerDefinition], { ensureOptimizations: true, positionTracking: 'onlyOffset', skipValidations: true });
  const inner = l as unknown as LexerInternals;
  return (text) => {
    const result = inner.tokenizeInternal === undefined || inner.defaultMode === undefined ? l.tokenize(text) : inner.tokenizeInternal.call(l, text, inner.defaultMode);
    return { tokens: result.tokens, errorAt: result.errors[0]?.offset ?? null };
  };
}

/** Spellings seen so far (`select`, `SELECT`, `tenant_id`): saves upper-casing every word of every query. */
const spellings = new Map<string, TokenType | null>();

function keywordOf(image: string): TokenType | null {
  let keyword = spellings.get(image);
  if (keyword === undefined) {
    keyword = KEYWORD_BY_WORD.get(image.toUpperCase()) ?? null;
    // Bounded: a client sending endless distinct names must not grow the cache without limit.
    if (spellings.size >= 10_000) spellings.clear();
    spellings.set(image, keyword);
  }
  return keyword;
}

/** Tokens of `text`, keywords recognised (case-insensitively), or the offset of the first character no token matches. */
export function tokenize(text: string): { readonly tokens: IToken[]; readonly errorAt: number | null } {
  const result = getLexer()(text);
  if (result.errorAt !== null) return result;
  for (const t of result.tokens) {
    if (t.tokenType !== Identifier) continue;
    const keyword = keywordOf(t.image);
    if (keyword !== null) {
      t.tokenType = keyword;
      t.tokenTypeIdx = keyword.tokenTypeIdx as number;
    }
  }
  return { tokens: result.tokens, errorAt: null };
}
