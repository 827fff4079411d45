/**
 * The dialect's lexer without chevrotain's Lexer at start-up. Building chevrotain's Lexer analyses every pattern
 * (which characters can start it, via a parse of each regular expression), fills a 65,536-entry character map and
 * re-augments every token type: about 20 ms of CPU on the path to a fresh process's first answer (issue 23). Its
 * matching loop is simple, so it is done here the same way from the same analysis, which `npm run grammar:gen`
 * takes from chevrotain's own Lexer and writes to generated-tables.ts: at each offset, the patterns that can start
 * with the character there are tried in the lexer's order and the first that matches wins (no token here has a
 * `longer_alt`, modes or a custom matcher); skipped tokens are dropped; the first character no pattern matches is
 * the error. test/unit/grammar/lexer.test.ts compares this lexer with chevrotain's on every test case and on random
 * text, and `tokens.ts` uses chevrotain's Lexer when the table is stale (a pattern changed).
 */
import type { IToken, TokenType } from 'chevrotain';
import { Lexer } from './chevrotain.js';

/** A pattern as the table records it, to tell whether the table is still the lexer's. */
export type RecordedPattern = readonly [name: string, pattern: string];

export interface LexerTable {
  /** The lexed tokens in the lexer's order, each with its pattern (a string, or a RegExp's `/source/flags`). */
  readonly patterns: readonly RecordedPattern[];
  /** For each pattern, the character buckets a match can start in, as inclusive ranges. */
  readonly starts: readonly (readonly (readonly [number, number])[])[];
}

export interface LexResult {
  readonly tokens: IToken[];
  /** Offset of the first character no token matches, or null. */
  readonly errorAt: number | null;
}

function patternText(t: TokenType): string | undefined {
  const p = t.PATTERN;
  if (typeof p === 'string') return p;
  if (p instanceof RegExp) return String(p);
  return undefined;
}

/** The lexed tokens (those with a pattern of their own) and how the table records them. */
export function recordPatterns(tokens: readonly TokenType[]): RecordedPattern[] {
  return tokens.flatMap((t) => {
    const text = patternText(t);
    return text === undefined || t.PATTERN === Lexer.NA ? [] : [[t.name, text] as const];
  });
}

/**
 * What one bucket offers: patterns tried in order. `short` is a one-character pattern's code (no regex needed);
 * `scan` a quoted token's loop (below), returning the match's end or -1.
 */
interface Candidate {
  readonly type: TokenType;
  readonly sticky: RegExp | undefined;
  readonly short: number;
  readonly scan?: (text: string, from: number) => number;
  readonly skipped: boolean;
}

/**
 * The quoted tokens, scanned by a loop: V8's backtracking matcher recurses once per repetition of `(?:…)*`, so a
 * 10 MB string literal overflowed the stack (issue 18). Keyed by the exact pattern each one replaces, so a
 * pattern changed in tokens.ts falls back to its regex rather than to a loop that no longer agrees with it.
 */
const QUOTED_SCANNERS: Readonly<Record<string, (text: string, from: number) => number>> = {
  [String(/'(?:[^'\\]|\\[\s\S]|'')*'/)]: quotedScanner(0x27, true),
  [String(/"(?:[^"\\]|\\[\s\S]|"")*"/)]: quotedScanner(0x22, true),
  [String(/`(?:[^`]|``)*`/)]: quotedScanner(0x60, false),
};

/**
 * What `q(?:[^q\\]|\\[\s\S]|qq)*q` (or, without backslash escapes, `q(?:[^q]|qq)*q`) matches at `from`, where
 * the opening quote is. Unclosed, the regex backs off to its last doubled quote and ends on its first half: so does
 * this (`'ab''x` lexes `'ab'`).
 */
function quotedScanner(quote: number, backslash: boolean): (text: string, from: number) => number {
  return (text, from) => {
    let lastPair = -1;
    for (let i = from + 1; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (backslash && c === 0x5c) {
        if (i + 1 >= text.length) break;
        i += 2;
      } else if (c !== quote) {
        i++;
      } else if (text.charCodeAt(i + 1) === quote) {
        lastPair = i;
        i += 2;
      } else {
        return i + 1;
      }
    }
    return lastPair < 0 ? -1 : lastPair + 1;
  };
}

function candidate(type: TokenType): Candidate {
  const p = type.PATTERN;
  const skipped = type.GROUP === Lexer.SKIPPED;
  const scan = QUOTED_SCANNERS[String(p)];
  if (scan !== undefined) return { type, sticky: undefined, short: -1, scan, skipped };
  if (typeof p === 'string') {
    if (p.length === 1) return { type, sticky: undefined, short: p.charCodeAt(0), skipped };
    return { type, sticky: new RegExp(p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'y'), short: -1, skipped };
  }
  const re = p as RegExp;
  return { type, sticky: new RegExp(re.source, re.ignoreCase ? 'iy' : 'y'), short: -1, skipped };
}

/** A lexer for `tokens` from `table`, or undefined when the table was recorded from other patterns (stale). */
export function tableLexer(tokens: readonly TokenType[], table: LexerTable): ((text: string) => LexResult) | undefined {
  const patterns = recordPatterns(tokens);
  if (patterns.length !== table.patterns.length || patterns.some(([n, p], i) => table.patterns[i]?.[0] !== n || table.patterns[i]?.[1] !== p)) return undefined;
  const byName = new Map(tokens.map((t) => [t.name, t] as const));
  const buckets: Candidate[][] = [];
  table.patterns.forEach(([name], i) => {
    const c = candidate(byName.get(name) as TokenType);
    for (const [from, to] of table.starts[i] ?? []) for (let b = from; b <= to; b++) (buckets[b] ??= []).push(c);
  });
  const none: readonly Candidate[] = [];
  return function lex(text: string): LexResult {
    const out: IToken[] = [];
    const length = text.length;
    let offset = 0;
    while (offset < length) {
      const code = text.charCodeAt(offset);
      // chevrotain's character bucket (its charCodeToOptimizedIndex): the code below 256, else 255 codes a bucket.
      const offered = buckets[code < 256 ? code : 255 + Math.floor(code / 255)] ?? none;
      let end = -1;
      let matched: Candidate | undefined;
      for (const c of offered) {
        if (c.scan !== undefined) {
          end = c.scan(text, offset);
          if (end < 0) continue;
        } else if (c.sticky === undefined) {
          if (code !== c.short) continue;
          end = offset + 1;
        } else {
          c.sticky.lastIndex = offset;
          if (!c.sticky.test(text)) continue;
          end = c.sticky.lastIndex;
        }
        matched = c;
        break;
      }
      if (matched === undefined) return { tokens: out, errorAt: offset };
      // chevrotain's token shape with offsets only, so the parser sees the same objects either way.
      if (!matched.skipped) out.push({ image: text.substring(offset, end), startOffset: offset, tokenTypeIdx: matched.type.tokenTypeIdx as number, tokenType: matched.type } as IToken);
      offset = end;
    }
    return { tokens: out, errorAt: null };
  };
}

/** chevrotain's Lexer analysis as a table (the generator): which buckets each pattern can start in. */
export function recordLexerTable(tokens: readonly TokenType[], lexer: object): LexerTable {
  const map = (lexer as { charCodeToPatternIdxToConfig?: { defaultMode?: Record<number, readonly { tokenType: TokenType }[]> } }).charCodeToPatternIdxToConfig?.defaultMode;
  if (map === undefined) throw new Error("chevrotain's Lexer no longer keeps charCodeToPatternIdxToConfig: the lexer table cannot be recorded");
  const patterns = recordPatterns(tokens);
  const starts = patterns.map(([name]) => {
    const buckets = Object.keys(map)
      .map(Number)
      .filter((b) => map[b]?.some((c) => c.tokenType.name === name))
      .sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const b of buckets) {
      const last = ranges[ranges.length - 1];
      if (last !== undefined && last[1] === b - 1) last[1] = b;
      else ranges.push([b, b]);
    }
    return ranges;
  });
  // Each bucket must offer the patterns in chevrotain's order, which is the lexer's order kept here.
  for (const [b, configs] of Object.entries(map)) {
    const names = configs.map((c) => c.tokenType.name);
    const ours = patterns.filter((_, i) => starts[i]?.some(([from, to]) => Number(b) >= from && Number(b) <= to)).map(([n]) => n);
    if (names.join() !== ours.join()) throw new Error(`bucket ${b}: chevrotain tries ${names.join()}, the table ${ours.join()}`);
  }
  return { patterns, starts };
}
