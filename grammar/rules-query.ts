/**
 * The query side real tools send (clients.md §4): SELECT with FROM, joins, WHERE, GROUP BY, HAVING, ORDER BY and
 * LIMIT; and the writes, parsed only as far as the verb and the target table.
 */
import { recordSpan } from './cst-util.js';
import type { Dsl, Rules } from './dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineQueryRules($: Dsl, R: Rules): void {
  R.selectStatement = $.RULE('selectStatement', () => {
    $.CONSUME(KW.SELECT);
    $.OPTION(() => $.OR([{ ALT: () => $.CONSUME(KW.DISTINCT) }, { ALT: () => $.CONSUME(KW.ALL) }]));
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.selectItem) });
    $.OPTION1(() => {
      $.CONSUME(KW.FROM);
      $.OR1([
        { ALT: () => $.CONSUME(KW.DUAL) },
        { ALT: () => $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tableRef) }) },
      ]);
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

  R.selectItem = $.RULE('selectItem', () => {
    $.OR([
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
    ]);
  });

  /** `[AS] name` or `[AS] 'label'`. */
  R.alias = $.RULE('alias', () => {
    $.OPTION(() => $.CONSUME(KW.AS));
    $.OR([{ ALT: () => $.CONSUME(T.Name) }, { ALT: () => $.CONSUME(T.StringLiteral) }]);
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

  R.joinClause = $.RULE('joinClause', () => {
    $.OR([
      {
        ALT: () => {
          $.OPTION(() => $.OR1([{ ALT: () => $.CONSUME(KW.INNER) }, { ALT: () => $.CONSUME(KW.CROSS) }]));
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
          $.OR2([{ ALT: () => $.CONSUME(KW.LEFT) }, { ALT: () => $.CONSUME(KW.RIGHT) }]);
          $.OPTION2(() => $.CONSUME(KW.OUTER));
          $.CONSUME1(KW.JOIN);
          $.SUBRULE1(R.tableFactor);
          $.CONSUME1(KW.ON);
          $.SUBRULE1(R.expression);
        },
      },
    ]);
  });

  /** `name` or `schema.name`. */
  R.tableName = $.RULE('tableName', () => {
    $.CONSUME(T.Name);
    $.OPTION(() => {
      $.CONSUME(T.Dot);
      $.CONSUME1(T.Name);
    });
  });

  R.orderItem = $.RULE('orderItem', () => {
    $.SUBRULE(R.expression);
    $.OPTION(() => $.OR([{ ALT: () => $.CONSUME(KW.ASC) }, { ALT: () => $.CONSUME(KW.DESC) }]));
  });

  /** LIMIT n, LIMIT n OFFSET m, LIMIT m, n; each a number or a `?` (inline: one rule call per LIMIT). */
  R.limitClause = $.RULE('limitClause', () => {
    $.CONSUME(KW.LIMIT);
    $.OR([
      { ALT: () => $.CONSUME(T.IntegerLiteral, { LABEL: 'first' }) },
      { ALT: () => $.CONSUME(T.Question, { LABEL: 'first' }) },
    ]);
    $.OPTION(() => {
      $.OR1([
        {
          ALT: () => {
            $.CONSUME(T.Comma);
            $.OR2([
              { ALT: () => $.CONSUME1(T.IntegerLiteral, { LABEL: 'count' }) },
              { ALT: () => $.CONSUME1(T.Question, { LABEL: 'count' }) },
            ]);
          },
        },
        {
          ALT: () => {
            $.CONSUME(KW.OFFSET);
            $.OR3([
              { ALT: () => $.CONSUME2(T.IntegerLiteral, { LABEL: 'offset' }) },
              { ALT: () => $.CONSUME2(T.Question, { LABEL: 'offset' }) },
            ]);
          },
        },
      ]);
    });
  });

  /**
   * INSERT / REPLACE [INTO] t …, UPDATE t …, DELETE FROM t …, TRUNCATE [TABLE] t. Only the verb and the target
   * are parsed: the parse entry accepts whatever follows, because writing to a view fails on the target alone.
   */
  R.writeStatement = $.RULE('writeStatement', () => {
    $.OR([
      {
        ALT: () => {
          $.OR1([{ ALT: () => $.CONSUME(KW.INSERT) }, { ALT: () => $.CONSUME(KW.REPLACE) }]);
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
    ]);
    $.SUBRULE(R.tableName);
  });
}
