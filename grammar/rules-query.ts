/**
 * The query side real tools send (clients.md §4): SELECT with FROM, joins, WHERE, GROUP BY, HAVING, ORDER BY and
 * LIMIT.
 */
import { recordSpan } from './cst-util.js';
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineQueryRules($: Dsl, R: Rules): void {
  const unionTail = (): unknown => $.SUBRULE(R.unionTail);
  const queryTermAlternatives = [
    { ALT: () => $.SUBRULE(R.selectStatement) },
    {
      ALT: () => {
        $.CONSUME(T.LParen);
        $.SUBRULE(R.queryExpression);
        $.CONSUME(T.RParen);
      },
    },
  ];
  /** One operand of UNION: a SELECT, or a parenthesized query with its own ORDER BY / LIMIT. */
  R.queryTerm = $.RULE('queryTerm', () => {
    $.OR(queryTermAlternatives);
  });

  const unionTailAlternatives = [{ ALT: () => $.CONSUME(KW.ALL) }, { ALT: () => $.CONSUME(KW.DISTINCT) }];
  const orderByClause = (): void => {
    $.CONSUME(KW.ORDER);
    $.CONSUME(KW.BY);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.orderItem) });
  };
  /** `UNION [ALL | DISTINCT] term`; after a parenthesized last term, the ORDER BY / LIMIT of the whole union. */
  R.unionTail = $.RULE('unionTail', () => {
    $.CONSUME(KW.UNION);
    $.OPTION(() => $.OR(unionTailAlternatives));
    $.SUBRULE(R.queryTerm);
  });

  /**
   * A statement-level query: [WITH …] term [UNION term]… . A SELECT's own ORDER BY / LIMIT after the last term
   * belongs to the whole union (ast-query hoists it); `(…) ORDER BY …` after a parenthesized term is read here.
   */
  R.queryExpression = $.RULE('queryExpression', () => {
    $.OPTION(() => $.SUBRULE(R.withClause));
    $.SUBRULE(R.queryTerm);
    $.MANY(unionTail);
    $.OPTION1(orderByClause);
    $.OPTION2(() => $.SUBRULE(R.limitClause));
  });

  /** A query inside parentheses of an expression or FROM: it starts with SELECT or WITH, never with `(`. */
  R.subquery = $.RULE('subquery', () => {
    $.OPTION(() => $.SUBRULE(R.withClause));
    $.SUBRULE(R.selectStatement);
    $.MANY(unionTail);
  });

  /** WITH [RECURSIVE] name [(col, …)] AS (query), … */
  R.withClause = $.RULE('withClause', () => {
    $.CONSUME(KW.WITH);
    $.OPTION(() => $.CONSUME(KW.RECURSIVE));
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.commonTableExpr) });
  });

  R.commonTableExpr = $.RULE('commonTableExpr', () => {
    $.CONSUME(T.Name);
    $.OPTION(() => {
      $.CONSUME(T.LParen);
      $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.CONSUME1(T.Name, { LABEL: 'column' }) });
      $.CONSUME(T.RParen);
    });
    $.CONSUME(KW.AS);
    $.CONSUME1(T.LParen);
    $.SUBRULE(R.queryExpression);
    $.CONSUME1(T.RParen);
  });

  const lockClauseAlternatives1 = [
    { ALT: () => $.CONSUME(KW.NOWAIT) },
    {
      ALT: () => {
        $.CONSUME(KW.WAIT);
        $.CONSUME(T.NumberLiteral);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.SKIP);
        $.CONSUME(KW.LOCKED);
      },
    },
  ];
  const lockClauseAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.FOR);
        $.CONSUME(KW.UPDATE);
        $.OPTION(() => $.OR1(lockClauseAlternatives1));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.LOCK);
        $.CONSUME(KW.IN);
        $.CONSUME(KW.SHARE);
        $.CONSUME(KW.MODE);
      },
    },
  ];
  /** `FOR UPDATE [NOWAIT | WAIT n | SKIP LOCKED]` or `LOCK IN SHARE MODE`. */
  R.lockClause = $.RULE('lockClause', () => {
    $.OR(lockClauseAlternatives);
  });

  const selectStatementAlternatives = [{ ALT: () => $.CONSUME(KW.DISTINCT) }, { ALT: () => $.CONSUME(KW.ALL) }];
  const cacheHintAlternatives = [{ ALT: () => $.CONSUME(KW.SQL_NO_CACHE) }, { ALT: () => $.CONSUME(KW.SQL_CACHE) }];
  const selectStatementAlternatives1 = [
    { ALT: () => $.CONSUME(KW.DUAL) },
    { ALT: () => $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tableRef) }) },
  ];
  R.selectStatement = $.RULE('selectStatement', () => {
    $.CONSUME(KW.SELECT);
    $.OPTION(() => $.OR(selectStatementAlternatives));
    // Query-cache hints (`SELECT /*!40001 SQL_NO_CACHE */ …` from dump tools): accepted, no effect.
    $.MANY(() => $.OR2(cacheHintAlternatives));
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.selectItem) });
    $.OPTION1(() => {
      $.CONSUME(KW.FROM);
      $.OR1(selectStatementAlternatives1);
    });
    $.OPTION2(() => {
      $.CONSUME(KW.WHERE);
      $.SUBRULE(R.expression, { LABEL: 'where' });
    });
    $.OPTION3(() => {
      $.CONSUME(KW.GROUP);
      $.CONSUME(KW.BY);
      $.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => $.SUBRULE1(R.expression, { LABEL: 'groupBy' }) });
    });
    $.OPTION4(() => {
      $.CONSUME(KW.HAVING);
      $.SUBRULE2(R.expression, { LABEL: 'having' });
    });
    $.OPTION5(() => {
      $.CONSUME(KW.ORDER);
      $.CONSUME1(KW.BY);
      $.AT_LEAST_ONE_SEP3({ SEP: T.Comma, DEF: () => $.SUBRULE(R.orderItem) });
    });
    $.OPTION6(() => $.SUBRULE(R.limitClause));
    $.OPTION7(() => $.SUBRULE(R.lockClause));
  });

  const selectItemAlternatives = [
    { ALT: () => $.CONSUME(T.Star) },
    {
      ALT: () => {
        $.CONSUME(T.Name, { LABEL: 'table' });
        $.CONSUME(T.Dot);
        $.CONSUME1(T.Star);
      },
    },
    {
      ALT: () => {
        // The item's source text (the column label) is sliced by offsets recorded here, which is much cheaper
        // than walking the finished CST for its first and last tokens.
        const start = $.ACTION(() => $.LA(1).startOffset);
        const expr = $.SUBRULE(R.expression);
        $.ACTION(() => recordSpan(expr, start, $.LA(0)));
        $.OPTION(() => $.SUBRULE(R.alias));
      },
    },
  ];
  R.selectItem = $.RULE('selectItem', () => {
    $.OR(selectItemAlternatives);
  });

  const aliasAlternatives = [{ ALT: () => $.CONSUME(T.Name) }, { ALT: () => $.CONSUME(T.StringLiteral) }];
  /** `[AS] name` or `[AS] 'label'`. */
  R.alias = $.RULE('alias', () => {
    $.OPTION(() => $.CONSUME(KW.AS));
    $.OR(aliasAlternatives);
  });

  R.tableRef = $.RULE('tableRef', () => {
    $.SUBRULE(R.tableFactor);
    $.MANY(() => $.SUBRULE(R.joinClause));
  });

  const tableFactorAlternatives = [
    {
      ALT: () => {
        $.CONSUME(T.Name);
        $.OPTION2(() => {
          $.CONSUME(T.Dot);
          $.CONSUME1(T.Name);
        });
        $.OPTION(() => {
          $.OPTION1(() => $.CONSUME(KW.AS));
          $.CONSUME2(T.Name, { LABEL: 'alias' });
        });
      },
    },
    {
      // A derived table: `(SELECT …) [AS] alias`; MySQL requires the alias.
      ALT: () => {
        $.CONSUME(T.LParen);
        $.SUBRULE(R.subquery);
        $.CONSUME(T.RParen);
        $.OPTION3(() => $.CONSUME1(KW.AS));
        $.CONSUME3(T.Name, { LABEL: 'alias' });
      },
    },
  ];
  /** `[schema.]name [[AS] alias]` (inline: one rule call less per table) or a derived table. */
  R.tableFactor = $.RULE('tableFactor', () => {
    $.OR(tableFactorAlternatives);
  });

  const joinClauseAlternatives1 = [{ ALT: () => $.CONSUME(KW.INNER) }, { ALT: () => $.CONSUME(KW.CROSS) }];
  const joinClauseAlternatives2 = [{ ALT: () => $.CONSUME(KW.LEFT) }, { ALT: () => $.CONSUME(KW.RIGHT) }];
  const joinClauseAlternatives = [
    {
      ALT: () => {
        $.OPTION(() => $.OR1(joinClauseAlternatives1));
        $.CONSUME(KW.JOIN);
        $.SUBRULE(R.tableFactor);
        $.OPTION1(() => {
          $.CONSUME(KW.ON);
          $.SUBRULE(R.expression);
        });
      },
    },
    {
      ALT: () => {
        $.OR2(joinClauseAlternatives2);
        $.OPTION2(() => $.CONSUME(KW.OUTER));
        $.CONSUME1(KW.JOIN);
        $.SUBRULE1(R.tableFactor);
        $.CONSUME1(KW.ON);
        $.SUBRULE1(R.expression);
      },
    },
  ];
  R.joinClause = $.RULE('joinClause', () => {
    $.OR(joinClauseAlternatives);
  });

  /** `name` or `schema.name`. */
  R.tableName = $.RULE('tableName', () => {
    $.CONSUME(T.Name);
    $.OPTION(() => {
      $.CONSUME(T.Dot);
      $.CONSUME1(T.Name);
    });
  });

  const orderItemAlternatives = [{ ALT: () => $.CONSUME(KW.ASC) }, { ALT: () => $.CONSUME(KW.DESC) }];
  R.orderItem = $.RULE('orderItem', () => {
    $.SUBRULE(R.expression);
    $.OPTION(() => $.OR(orderItemAlternatives));
  });

  const limitClauseAlternatives = [
    { ALT: () => $.CONSUME(T.IntegerLiteral, { LABEL: 'first' }) },
    { ALT: () => $.CONSUME(T.Question, { LABEL: 'first' }) },
  ];
  const limitClauseAlternatives2 = [
    { ALT: () => $.CONSUME1(T.IntegerLiteral, { LABEL: 'count' }) },
    { ALT: () => $.CONSUME1(T.Question, { LABEL: 'count' }) },
  ];
  const limitClauseAlternatives3 = [
    { ALT: () => $.CONSUME2(T.IntegerLiteral, { LABEL: 'offset' }) },
    { ALT: () => $.CONSUME2(T.Question, { LABEL: 'offset' }) },
  ];
  const limitClauseAlternatives1 = [
    {
      ALT: () => {
        $.CONSUME(T.Comma);
        $.OR2(limitClauseAlternatives2);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.OFFSET);
        $.OR3(limitClauseAlternatives3);
      },
    },
  ];
  /** LIMIT n, LIMIT n OFFSET m, LIMIT m, n; each a number or a `?` (inline: one rule call per LIMIT). */
  R.limitClause = $.RULE('limitClause', () => {
    $.CONSUME(KW.LIMIT);
    $.OR(limitClauseAlternatives);
    $.OPTION(() => {
      $.OR1(limitClauseAlternatives1);
    });
  });
}
