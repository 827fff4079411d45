/**
 * The one CstParser of the dialect. It holds no actions: the rule files describe the syntax, cst-to-ast gives it
 * meaning. The shared instance is built once, on first use, from the generated lookahead table
 * (runtime/recorded-lookahead.ts): start-up speed matters.
 */
import { CstParser } from './runtime/chevrotain.js';
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { defineControlRules } from './control.js';
import { defineDataRules } from './rules-data.js';
import type { Dsl, Rules } from './runtime/dsl.js';
import { IndexedLookahead, LazyIndexedLookahead } from './runtime/lookahead.js';
import { RECORDED_LOOKAHEAD } from './runtime/generated-tables.js';
import { RecordingLookahead, installRecordedLookahead } from './runtime/recorded-lookahead.js';
import type { RecordedLookahead } from './runtime/recorded-lookahead.js';
import { defineBackupRules } from './rules-backup.js';
import { defineBrowseRules } from './rules-browse.js';
import { defineExpressionRules } from './rules-expr.js';
import { defineQueryRules } from './rules-query.js';
import { defineRestoreRules } from './rules-restore.js';
import { defineSessionRules } from './rules-session.js';
import { defineTenantRules } from './rules-tenant.js';
import { vocabulary } from './tokens.js';

const MAX_LOOKAHEAD = 3;

/**
 * How a parser is built:
 * - `table` (the shared instance): lookahead functions from the generated table, no grammar record, no checks;
 *   a stale table (other rules) falls back to `lazy`;
 * - `lazy`: records the grammar, builds each production's lookahead the first time it is reached;
 * - `validate` (the tests): records the grammar, runs all of chevrotain's checks (ambiguities, left recursion,
 *   duplicate indexes) and builds every lookahead at once;
 * - `record` (`npm run grammar:gen`): builds every lookahead at once and writes the table down.
 */
export type ParserBuild = 'table' | 'lazy' | 'validate' | 'record';

export class ObSqlParser extends CstParser {
  readonly rules: Rules;
  /** Whether chevrotain recorded the grammar (its GAST: diagrams, validations, error messages need it). */
  readonly recordsGrammar: boolean;
  private readonly lookahead: IndexedLookahead;

  constructor(build: ParserBuild = 'table') {
    const lookahead =
      build === 'record' ? new RecordingLookahead({ maxLookahead: MAX_LOOKAHEAD }) : build === 'validate' ? new IndexedLookahead({ maxLookahead: MAX_LOOKAHEAD }) : new LazyIndexedLookahead({ maxLookahead: MAX_LOOKAHEAD });
    // No location tracking: it costs a fifth of the parse time, and only select items need a source slice.
    // Three tokens of lookahead tell every alternative apart (e.g. `t.*` from `t.col`, `ALTER SYSTEM backup = 1`).
    // Skipping chevrotain's checks outside the tests: they take most of a recording build's time and prove nothing
    // new on a grammar the tests have already checked.
    super(vocabulary, { maxLookahead: MAX_LOOKAHEAD, lookaheadStrategy: lookahead, nodeLocationTracking: 'none', recoveryEnabled: false, skipValidations: build !== 'validate' });
    this.lookahead = lookahead;
    const $ = this as unknown as Dsl;
    const R = {} as Rules;
    const statementAlternatives = [
      { ALT: () => $.SUBRULE(R.queryExpression) },
      { ALT: () => $.SUBRULE(R.showStatement) },
      { ALT: () => $.SUBRULE(R.setStatement) },
      { ALT: () => $.SUBRULE(R.useStatement) },
      { ALT: () => $.SUBRULE(R.killStatement) },
      { ALT: () => $.SUBRULE(R.describeStatement) },
      { ALT: () => $.SUBRULE(R.transactionStatement) },
      { ALT: () => $.SUBRULE(R.alterStatement) },
      { ALT: () => $.SUBRULE(R.createStatement) },
      { ALT: () => $.SUBRULE(R.dropStatement) },
      { ALT: () => $.SUBRULE(R.insertStatement) },
      { ALT: () => $.SUBRULE(R.updateStatement) },
      { ALT: () => $.SUBRULE(R.deleteStatement) },
      { ALT: () => $.SUBRULE(R.truncateStatement) },
      { ALT: () => $.SUBRULE(R.renameStatement) },
      { ALT: () => $.SUBRULE(R.lockStatement) },
    ];
    R.statement = $.RULE('statement', () => {
      $.OR(statementAlternatives);
    });
    defineExpressionRules($, R);
    defineQueryRules($, R);
    defineSessionRules($, R);
    defineBrowseRules($, R);
    defineBackupRules($, R);
    defineRestoreRules($, R);
    defineTenantRules($, R);
    defineControlRules($, R);
    defineDataRules($, R);
    this.rules = R;
    this.recordsGrammar = build !== 'table' || !installRecordedLookahead(this, RECORDED_LOOKAHEAD, vocabulary);
    if (this.recordsGrammar) this.performSelfAnalysis();
  }

  /** The lookahead table of this grammar (a `record` parser's), for `npm run grammar:gen` and its staleness test. */
  recordedLookahead(): RecordedLookahead {
    if (!(this.lookahead instanceof RecordingLookahead)) throw new Error("recordedLookahead needs a parser built with 'record'");
    return { rules: [...(this as unknown as { definedRulesNames: string[] }).definedRulesNames], productions: this.lookahead.productions };
  }

  /**
   * chevrotain opens each CST node with `children: Object.create(null)`, which V8 keeps as a hash table; an object
   * literal gets hidden classes instead, and the parse plus the builder's lookups ran about a sixth faster
   * (bench/parse.ts, CPU time, six alternating runs each). Safe because no rule, token or label is named like a
   * property of Object.prototype (a test checks), and because this parser tracks no node locations, so the
   * location chevrotain would set here is not needed.
   */
  protected cstInvocationStateUpdate(fullRuleName: string): void {
    (this as unknown as CstStack).CST_STACK.push({ name: fullRuleName, children: {} });
  }
}

/** The part of chevrotain's CstParser internals that {@link ObSqlParser.cstInvocationStateUpdate} uses. */
interface CstStack {
  readonly CST_STACK: CstNode[];
}

let instance: ObSqlParser | undefined;

/** The lookahead table of the grammar as it is now (the generator and its staleness test). */
export function recordLookahead(): RecordedLookahead {
  return new ObSqlParser('record').recordedLookahead();
}

/** The one parser instance; setting `input` resets its state, so it is reused for every statement. */
export function getParser(): ObSqlParser {
  instance ??= new ObSqlParser();
  return instance;
}

export interface CstResult {
  readonly cst: CstNode | undefined;
  readonly errors: readonly IRecognitionException[];
}

/** Parses one statement's tokens into a CST. */
export function parseTokens(tokens: IToken[]): CstResult {
  const parser = getParser();
  parser.input = tokens;
  const cst = parser.rules.statement.call(parser);
  return { cst, errors: parser.errors };
}
