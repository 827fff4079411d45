/**
 * The one CstParser of the dialect. It holds no actions: the rule files describe the syntax, cst-to-ast gives it
 * meaning. Built once, lazily (self-analysis takes tens of milliseconds and start-up speed matters).
 */
import { CstParser } from './chevrotain.js';
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { defineControlRules } from './control.js';
import type { Dsl, Rules } from './dsl.js';
import { IndexedLookahead, LazyIndexedLookahead } from './lookahead.js';
import { defineBackupRules } from './rules-backup.js';
import { defineBrowseRules } from './rules-browse.js';
import { defineExpressionRules } from './rules-expr.js';
import { defineQueryRules } from './rules-query.js';
import { defineRestoreRules } from './rules-restore.js';
import { defineSessionRules } from './rules-session.js';
import { defineTenantRules } from './rules-tenant.js';
import { vocabulary } from './tokens.js';

const MAX_LOOKAHEAD = 3;

export class ObSqlParser extends CstParser {
  readonly rules: Rules;

  /**
   * `validate` runs chevrotain's grammar checks (ambiguities, left recursion, duplicate indexes); the tests build
   * one parser with them. The shared instance skips them: they take most of the start-up time and prove nothing
   * new on a grammar the tests have already checked.
   */
  constructor(validate = false) {
    // No location tracking: it costs a fifth of the parse time, and only select items need a source slice.
    // Three tokens of lookahead tell every alternative apart (e.g. `t.*` from `t.col`, `ALTER SYSTEM backup =`).
    super(vocabulary, {
      maxLookahead: MAX_LOOKAHEAD,
      // The shared instance builds each lookahead when first needed (start-up time); a validating one, all at once.
      lookaheadStrategy: validate ? new IndexedLookahead({ maxLookahead: MAX_LOOKAHEAD }) : new LazyIndexedLookahead({ maxLookahead: MAX_LOOKAHEAD }),
      nodeLocationTracking: 'none',
      recoveryEnabled: false,
      skipValidations: !validate,
    });
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
      { ALT: () => $.SUBRULE(R.writeStatement) },
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
    this.rules = R;
    this.performSelfAnalysis();
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
