/**
 * The query side real tools send (clients.md §4): SELECT with FROM, joins, WHERE, GROUP BY, HAVING, ORDER BY and
 * LIMIT; and the writes, parsed only as far as the verb and the target table.
 */
import { recordSpan } from './cst-util.js';
import type { Dsl, Rules } from './dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineQueryRules($: Dsl, R: Rules): void {
  const selectStatementAlternatives = [{ ALT: () => $.CONSUME(KW.DISTINCT) }, { ALT: () => $.CONSUME(KW.ALL) }];
  const selectStatementAlternatives1 = [
    { ALT: () => $.CONSUME(KW.DUAL) },
    { ALT: () => $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tableRef) }) },
  ];
  R.selectStatement = $.RULE('selectStatement', () => {
    $.CONSUME(KW.SELECT);
    $.OPTION(() => $.OR(selectStatementAlternatives));
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

  /** `[schema.]name [[AS] alias]`: the table name is inline here (one rule call less per table). */
  R.tableFactor = $.RULE('tableFactor', () => {
    $.CONSUME(T.Name);
    $.OPTION2(() => {
      $.CONSUME(T.Dot);
      $.CONSUME1(T.Name);
    });
    $.OPTION(() => {
      $.OPTION1(() => $.CONSUME(KW.AS));
      $.CONSUME2(T.Name, { LABEL: 'alias' });
    });
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

  const writeStatementAlternatives1 = [{ ALT: () => $.CONSUME(KW.INSERT) }, { ALT: () => $.CONSUME(KW.REPLACE) }];
  const writeStatementAlternatives = [
    {
      ALT: () => {
        $.OR1(writeStatementAlternatives1);
        $.OPTION(() => $.CONSUME(KW.INTO));
      },
    },
    { ALT: () => $.CONSUME(KW.UPDATE) },
    {
      ALT: () => {
        $.CONSUME(KW.DELETE);
        $.CONSUME(KW.FROM);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.TRUNCATE);
        $.OPTION1(() => $.CONSUME(KW.TABLE));
      },
    },
  ];
  /**
   * INSERT / REPLACE [INTO] t …, UPDATE t …, DELETE FROM t …, TRUNCATE [TABLE] t. Only the verb and the target
   * are parsed: the parse entry accepts whatever follows, because writing to a view fails on the target alone.
   */
  R.writeStatement = $.RULE('writeStatement', () => {
    $.OR(writeStatementAlternatives);
    $.SUBRULE(R.tableName);
  });
}
