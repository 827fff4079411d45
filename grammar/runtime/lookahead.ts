/**
 * chevrotain's LL(k) lookahead with the alternatives indexed by their first token. Where a choice needs more than
 * one token to decide (`t.*` against `t.col`, `ALTER SYSTEM backup = 1` against `ALTER SYSTEM BACKUP`), chevrotain
 * tries every lookahead path of every alternative in turn; here one table lookup on the next token leaves only the
 * few paths that can match, tried in chevrotain's own order, so the choice made is always the same.
 */
import { LLkLookaheadStrategy, getLookaheadPaths, tokenMatcher } from './chevrotain.js';
import type { IOrAlt, IToken, OptionalProductionType, Rule, TokenType } from 'chevrotain';

/** One lookahead path of an alternative, its first token already matched by the table. */
interface Candidate {
  readonly alt: number;
  readonly path: readonly TokenType[];
}

/** What the generated functions need of the parser: its lookahead. */
interface Lookahead {
  LA(howMuch: number): IToken;
}

/** Candidates by the token type index of the next token; `rest` for tokens that start no path. */
interface Table {
  readonly byFirst: (readonly Candidate[] | undefined)[];
  readonly rest: readonly Candidate[];
}

/** Every token type index `t` matches: itself and, for a category, the tokens in it. */
function indexesMatching(t: TokenType): number[] {
  return [t.tokenTypeIdx as number, ...(t.categoryMatches ?? [])];
}

/** Lists each path under every first token it accepts; an empty path accepts any token, so it goes everywhere. */
function buildTable(alts: readonly (readonly (readonly TokenType[])[])[]): Table {
  const byFirst: Candidate[][] = [];
  const rest: Candidate[] = [];
  alts.forEach((paths, alt) => {
    for (const path of paths) {
      const first = path[0];
      const candidate: Candidate = { alt, path };
      if (first === undefined) {
        for (const list of byFirst) list?.push(candidate);
        rest.push(candidate);
        continue;
      }
      for (const idx of indexesMatching(first)) {
        // A token first seen now must still be offered the empty paths of earlier alternatives, in order.
        byFirst[idx] ??= [...rest];
        const list = byFirst[idx] as Candidate[];
        if (list[list.length - 1] !== candidate) list.push(candidate);
      }
    }
  });
  return { byFirst, rest };
}

/** Whether the tokens after the next one match the rest of `path`. */
function restMatches(la: Lookahead, path: readonly TokenType[]): boolean {
  for (let i = 1; i < path.length; i++) {
    if (!tokenMatcher(la.LA(i + 1), path[i] as TokenType)) return false;
  }
  return true;
}

function isSingleToken(alts: readonly (readonly (readonly TokenType[])[])[]): boolean {
  return alts.every((paths) => paths.every((path) => path.length === 1));
}

/**
 * The choice among `alts` (lookahead paths per alternative): the first alternative, in order, whose path matches.
 * Without gates and with one token of lookahead everywhere, one array lookup (chevrotain's own single-token form).
 */
export function alternationLookahead(alts: readonly (readonly (readonly TokenType[])[])[], gated: boolean): (this: Lookahead, orAlts?: IOrAlt<unknown>[]) => number | undefined {
  if (!gated && isSingleToken(alts)) {
    const choice: number[] = [];
    alts.forEach((paths, alt) => {
      for (const [first] of paths) for (const idx of indexesMatching(first as TokenType)) choice[idx] ??= alt;
    });
    return function (this: Lookahead): number | undefined {
      return choice[this.LA(1).tokenTypeIdx];
    };
  }
  const { byFirst, rest } = buildTable(alts);
  return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]): number | undefined {
    const candidates = byFirst[this.LA(1).tokenTypeIdx] ?? rest;
    for (const { alt, path } of candidates) {
      // A GATE closes its alternative (chevrotain evaluates it before the paths; gates here only read tokens).
      const gate = orAlts?.[alt]?.GATE;
      if (gate !== undefined && gate.call(this) === false) continue;
      if (restMatches(this, path)) return alt;
    }
    return undefined;
  };
}

/** Whether an optional production (OPTION, MANY, …) is entered: some path of its inside matches. */
export function optionalLookahead(inside: readonly (readonly TokenType[])[]): (this: Lookahead) => boolean {
  if (isSingleToken([inside])) {
    const starts: boolean[] = [];
    for (const [first] of inside) for (const idx of indexesMatching(first as TokenType)) starts[idx] = true;
    return function (this: Lookahead): boolean {
      return starts[this.LA(1).tokenTypeIdx] === true;
    };
  }
  const { byFirst, rest } = buildTable([inside]);
  return function (this: Lookahead): boolean {
    const candidates = byFirst[this.LA(1).tokenTypeIdx] ?? rest;
    for (const { path } of candidates) if (restMatches(this, path)) return true;
    return false;
  };
}

export class IndexedLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[] | undefined) => number | undefined {
    const alts = getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: 'Alternation', maxLookahead: options.maxLookahead });
    // chevrotain's single-token choice is already one table lookup.
    if (options.dynamicTokensEnabled || (isSingleToken(alts) && !options.hasPredicates)) return super.buildLookaheadForAlternation(options);
    return alternationLookahead(alts, true);
  }

  override buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    const [inside = []] = getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: options.prodType, maxLookahead: options.maxLookahead });
    if (options.dynamicTokensEnabled || isSingleToken([inside])) return super.buildLookaheadForOptional(options);
    return optionalLookahead(inside);
  }
}

/**
 * chevrotain's index of each DSL method in a lookahead cache key (`occurrence | method | rule`), by production
 * type. Used only to find the lazy function in the cache; a wrong value leaves it there, still correct.
 */
export const METHOD_INDEX: Readonly<Record<OptionalProductionType | 'Alternation', number>> = {
  Alternation: 1 << 8,
  Option: 2 << 8,
  Repetition: 3 << 8,
  RepetitionMandatory: 4 << 8,
  RepetitionWithSeparator: 5 << 8,
  RepetitionMandatoryWithSeparator: 6 << 8,
};

/** The parser's lookahead cache, as chevrotain 11 keeps it. */
interface LookaheadCache {
  readonly lookAheadFuncsCache?: unknown;
  getKeyForAutomaticLookahead?(methodIndex: number, occurrence: number): number;
}

/**
 * Puts the built function where the lazy one was in the parser's cache, so later calls skip the indirection (a
 * few per cent of a parse). Called during the production's first use, when the rule on top of the parser's stack
 * is the production's own; the swap happens only if the key computed finds this very lazy function.
 */
function swapInCache(parser: LookaheadCache, prodType: OptionalProductionType | 'Alternation', occurrence: number, lazy: unknown, built: unknown): void {
  const cache = parser.lookAheadFuncsCache;
  if (!(cache instanceof Map) || parser.getKeyForAutomaticLookahead === undefined) return;
  const key = parser.getKeyForAutomaticLookahead(METHOD_INDEX[prodType], occurrence);
  if (cache.get(key) === lazy) cache.set(key, built);
}

/**
 * The same lookahead, each production's built the first time the parser reaches it rather than all of them during
 * performSelfAnalysis, which was most of the parser's construction and so of a fresh server's time to its first
 * answer (a client such as Connector/J gives its connect-time queries 500 ms). The rules are complete once
 * self-analysis has recorded them, so a late build sees the same grammar and builds the same function.
 */
export class LazyIndexedLookahead extends IndexedLookahead {
  override buildLookaheadForAlternation(options: Parameters<IndexedLookahead['buildLookaheadForAlternation']>[0]): (orAlts?: IOrAlt<unknown>[] | undefined) => number | undefined {
    let built: ((orAlts?: IOrAlt<unknown>[] | undefined) => number | undefined) | undefined;
    const build = (): ((orAlts?: IOrAlt<unknown>[] | undefined) => number | undefined) => super.buildLookaheadForAlternation(options);
    return function lazy(this: Lookahead & LookaheadCache, orAlts?: IOrAlt<unknown>[]): number | undefined {
      if (built === undefined) {
        built = build();
        swapInCache(this, 'Alternation', options.prodOccurrence, lazy, built);
      }
      return built.call(this, orAlts);
    };
  }

  override buildLookaheadForOptional(options: Parameters<IndexedLookahead['buildLookaheadForOptional']>[0]): () => boolean {
    let built: (() => boolean) | undefined;
    const build = (): (() => boolean) => super.buildLookaheadForOptional(options);
    return function lazy(this: Lookahead & LookaheadCache): boolean {
      if (built === undefined) {
        built = build();
        swapInCache(this, options.prodType, options.prodOccurrence, lazy, built);
      }
      return built.call(this);
    };
  }
}
