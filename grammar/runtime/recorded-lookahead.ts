/**
 * The parser's lookahead, computed once when the grammar is generated instead of at every start. Building the
 * parser the ordinary way records the grammar by running every rule (chevrotain's "Grammar Recording") and then
 * derives each choice's lookahead paths from that record: together over 100 ms of a fresh process's first
 * `SELECT 1` on this machine, the larger part of every start path's time (issue 23, `npm run bench`'s start-path
 * lines). The paths depend only on the rule files, so `npm run grammar:gen` writes them to generated-tables.ts
 * and the shared parser rebuilds its lookahead functions from that table: no recording, no path analysis.
 *
 * A parser built this way holds no grammar record (chevrotain's GAST), which chevrotain needs only for its
 * diagrams, its validations and the text of two syntax error messages; the parser words those two itself
 * (parser.ts), and the diagrams and the validating tests build a recording parser.
 * test/unit/grammar/recorded-lookahead.test.ts fails when the table is stale and checks that a parser built from
 * it reads every test case exactly as a recording, validating parser does.
 */
import type { IOrAlt, IToken, OptionalProductionType, Rule, TokenType } from 'chevrotain';
import { EOF, EarlyExitException, NoViableAltException, getLookaheadPaths } from './chevrotain.js';
import { IndexedLookahead, METHOD_INDEX, alternationLookahead, optionalLookahead } from './lookahead.js';

type ProductionType = OptionalProductionType | 'Alternation';

/** One production with a lookahead function: its rule, its kind and occurrence index, its paths by token name. */
export type RecordedProduction = readonly [
  rule: string,
  type: ProductionType,
  occurrence: number,
  /** For a choice, the paths of each alternative; for an optional production, one entry: the paths inside it. */
  paths: readonly (readonly (readonly string[])[])[],
];

export interface RecordedLookahead {
  /** The rules in definition order: a parser whose rules differ cannot use the table. */
  readonly rules: readonly string[];
  readonly productions: readonly RecordedProduction[];
}

function pathsByName(rule: Rule, prodType: ProductionType, occurrence: number, maxLookahead: number): string[][][] {
  return getLookaheadPaths({ occurrence, rule, prodType, maxLookahead }).map((alt) => alt.map((path) => path.map((t) => t.name)));
}

/** The lookahead strategy of a recording parser that also writes down every production's paths (the generator). */
export class RecordingLookahead extends IndexedLookahead {
  readonly productions: RecordedProduction[] = [];

  override buildLookaheadForAlternation(options: Parameters<IndexedLookahead['buildLookaheadForAlternation']>[0]): ReturnType<IndexedLookahead['buildLookaheadForAlternation']> {
    this.productions.push([options.rule.name, 'Alternation', options.prodOccurrence, pathsByName(options.rule, 'Alternation', options.prodOccurrence, options.maxLookahead)]);
    return super.buildLookaheadForAlternation(options);
  }

  override buildLookaheadForOptional(options: Parameters<IndexedLookahead['buildLookaheadForOptional']>[0]): ReturnType<IndexedLookahead['buildLookaheadForOptional']> {
    const [inside = []] = pathsByName(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead);
    this.productions.push([options.rule.name, options.prodType, options.prodOccurrence, [inside]]);
    return super.buildLookaheadForOptional(options);
  }
}

/** The parts of chevrotain's parser internals that installing a table touches (chevrotain 11). */
interface ParserInternals {
  readonly definedRulesNames: readonly string[];
  readonly fullRuleNameToShort: Readonly<Record<string, number>>;
  readonly lookAheadFuncsCache: Map<number, unknown>;
  selfAnalysisDone: boolean;
}

/**
 * Fills the parser's lookahead cache from the table and marks its self-analysis done, in place of
 * performSelfAnalysis. False (nothing changed) when the parser's rules are not the table's: a stale table is
 * never used, the caller analyses the grammar instead (and the staleness test fails).
 */
export function installRecordedLookahead(parser: object, recorded: RecordedLookahead, vocabulary: readonly TokenType[]): boolean {
  const internals = parser as ParserInternals;
  const rules = internals.definedRulesNames;
  if (rules.length !== recorded.rules.length || rules.some((r, i) => r !== recorded.rules[i])) return false;
  const tokens = new Map<string, TokenType>([[EOF.name, EOF], ...vocabulary.map((t) => [t.name, t] as const)]);
  const byName = (name: string): TokenType => {
    const t = tokens.get(name);
    if (t === undefined) throw new Error(`lookahead table names token ${name}, which the vocabulary lacks`);
    return t;
  };
  const cache = internals.lookAheadFuncsCache;
  for (const [rule, type, occurrence, paths] of recorded.productions) {
    const key = (internals.fullRuleNameToShort[rule] as number) | METHOD_INDEX[type] | occurrence;
    // Each function is built the first time its production is reached and then takes the lazy one's place:
    // most productions are not on the path to the first answer, and a table costs a few microseconds each.
    const build = (orAlts: readonly IOrAlt<unknown>[] | undefined): ((this: unknown, orAlts?: unknown) => unknown) => {
      const alts = paths.map((alt) => alt.map((path) => path.map(byName)));
      // Whether a choice has gates is fixed by its rule (the alternatives are built once, beside it).
      const built = type === 'Alternation' ? alternationLookahead(alts, orAlts?.some((a) => a.GATE !== undefined) ?? false) : optionalLookahead(alts[0] ?? []);
      cache.set(key, built);
      return built as (this: unknown, orAlts?: unknown) => unknown;
    };
    cache.set(key, function lazy(this: unknown, orAlts?: IOrAlt<unknown>[]): unknown {
      return build(orAlts).call(this, orAlts);
    });
  }
  Object.assign(parser, errorsWithoutGrammarRecord);
  internals.selfAnalysisDone = true;
  toFastProperties(parser);
  return true;
}

/**
 * What performSelfAnalysis does first (its "toFastProps"): the constructors leave the parser with so many
 * properties that V8 keeps them in a dictionary; making the object a prototype turns it back into a fast object,
 * which halved the parse time (bench/parse.ts: 66,000 statements/s without this, 150,000 with).
 */
function toFastProperties(o: object): void {
  function Fake(): void {}
  Fake.prototype = o;
  const fake = new (Fake as unknown as new () => { probe?: unknown })();
  const read = (): string => typeof fake.probe;
  read();
  read();
}

/** What the two replaced error methods use of chevrotain's parser internals. */
interface ErrorInternals {
  LA(howMuch: number): IToken;
  getCurrRuleFullName(): string;
  SAVE_ERROR(error: Error): Error;
}

/**
 * chevrotain's NoViableAlt and EarlyExit errors list the expected token sequences, which it derives from the
 * grammar record; without one, these say what failed in plain words. The parser reads only an error's kind and
 * token (grammar/index.ts), never its message, so a statement fails at the same place either way.
 */
const errorsWithoutGrammarRecord = {
  raiseNoAltException(this: ErrorInternals, _occurrence: number, errMsgTypes: string | undefined): never {
    const found = this.LA(1);
    throw this.SAVE_ERROR(new NoViableAltException(`Expecting ${errMsgTypes ?? `one of the alternatives of ${this.getCurrRuleFullName()}`} but found '${found.image}'`, found, this.LA(0)));
  },
  raiseEarlyExitException(this: ErrorInternals, _occurrence: number, _prodType: unknown, userDefinedErrMsg: string | undefined): never {
    const found = this.LA(1);
    throw this.SAVE_ERROR(new EarlyExitException(`Expecting ${userDefinedErrMsg ?? `at least one iteration in ${this.getCurrRuleFullName()}`} but found '${found.image}'`, found, this.LA(0)));
  },
};
