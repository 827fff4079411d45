/**
 * Expression rules (MySQL precedence): logical operators over NOT over predicates (comparison, IS, IN, LIKE,
 * BETWEEN) over arithmetic and bit operators over prefix operators over primaries. Binary operators at one level
 * are collected in source order and folded by precedence in cst-to-ast, which keeps the rule chain short.
 */
import type { Dsl, Rules } from './dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineExpressionRules($: Dsl, R: Rules): void {
  R.expression = $.RULE('expression', () => {
    $.SUBRULE(R.notExpr);
    $.MANY(() => {
      $.CONSUME(T.LogicalOperator);
      $.SUBRULE1(R.notExpr);
    });
  });

  R.notExpr = $.RULE('notExpr', () => {
    $.MANY(() => $.CONSUME(KW.NOT));
    $.SUBRULE(R.predicate);
  });

  R.predicate = $.RULE('predicate', () => {
    $.SUBRULE(R.bitExpr);
    $.MANY(() => $.SUBRULE(R.predicateTail));
  });

  R.predicateTail = $.RULE('predicateTail', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.ComparisonOperator);
          $.SUBRULE(R.bitExpr);
        },
      },
      {
        ALT: () => {
          $.CONSUME(KW.IS);
          $.OPTION(() => $.CONSUME(KW.NOT));
          $.OR1([
            { ALT: () => $.CONSUME(KW.NULL) },
            { ALT: () => $.CONSUME(KW.TRUE) },
            { ALT: () => $.CONSUME(KW.FALSE) },
            { ALT: () => $.CONSUME(KW.UNKNOWN) },
          ]);
        },
      },
      {
        ALT: () => {
          $.OPTION1(() => $.CONSUME1(KW.NOT));
          $.OR2([
            {
              ALT: () => {
                $.CONSUME(KW.IN);
                $.CONSUME(T.LParen);
                $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.expression) });
                $.CONSUME(T.RParen);
              },
            },
            {
              ALT: () => {
                $.CONSUME(KW.LIKE);
                $.SUBRULE1(R.bitExpr, { LABEL: 'pattern' });
                $.OPTION2(() => {
                  $.CONSUME(KW.ESCAPE);
                  $.SUBRULE2(R.bitExpr, { LABEL: 'escape' });
                });
              },
            },
            {
              ALT: () => {
                $.CONSUME(KW.BETWEEN);
                $.SUBRULE3(R.bitExpr, { LABEL: 'low' });
                $.CONSUME(KW.AND);
                $.SUBRULE4(R.bitExpr, { LABEL: 'high' });
              },
            },
          ]);
        },
      },
    ]);
  });

  R.bitExpr = $.RULE('bitExpr', () => {
    $.SUBRULE(R.operand);
    $.MANY(() => {
      $.CONSUME(T.ArithOperator);
      $.SUBRULE1(R.operand);
    });
  });

  R.operand = $.RULE('operand', () => {
    $.MANY(() => $.CONSUME(T.PrefixOperator));
    $.SUBRULE(R.primary);
  });

  R.primary = $.RULE('primary', () => {
    $.OR([
      { ALT: () => $.CONSUME(T.StringLiteral) },
      { ALT: () => $.CONSUME(T.NumberLiteral) },
      { ALT: () => $.CONSUME(KW.NULL) },
      { ALT: () => $.CONSUME(KW.TRUE) },
      { ALT: () => $.CONSUME(KW.FALSE) },
      { ALT: () => $.CONSUME(T.Question) },
      { ALT: () => $.CONSUME(T.SystemVariableToken) },
      { ALT: () => $.CONSUME(T.UserVariableToken) },
      { ALT: () => $.SUBRULE(R.caseExpr) },
      { ALT: () => $.SUBRULE(R.castExpr) },
      { ALT: () => $.SUBRULE(R.intervalExpr) },
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          $.SUBRULE(R.expression);
          $.CONSUME(T.RParen);
        },
      },
      { ALT: () => $.SUBRULE(R.functionCall) },
      { ALT: () => $.SUBRULE(R.columnRef) },
    ]);
  });

  R.functionCall = $.RULE('functionCall', () => {
    $.SUBRULE(R.functionName);
    $.CONSUME(T.LParen);
    $.OPTION(() => {
      $.OR([
        { ALT: () => $.CONSUME(T.Star) },
        {
          ALT: () => {
            $.OPTION1(() => $.OR1([{ ALT: () => $.CONSUME(KW.DISTINCT) }, { ALT: () => $.CONSUME(KW.ALL) }]));
            $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.expression) });
          },
        },
      ]);
    });
    $.CONSUME(T.RParen);
  });

  /** A name, or one of the reserved words MySQL also spells as a function (`if(…)`, `database()`, `left(…)`). */
  R.functionName = $.RULE('functionName', () => {
    $.OR([
      { ALT: () => $.CONSUME(T.Name) },
      { ALT: () => $.CONSUME(KW.IF) },
      { ALT: () => $.CONSUME(KW.DATABASE) },
      { ALT: () => $.CONSUME(KW.SCHEMA) },
      { ALT: () => $.CONSUME(KW.LEFT) },
      { ALT: () => $.CONSUME(KW.RIGHT) },
      { ALT: () => $.CONSUME(KW.REPLACE) },
      { ALT: () => $.CONSUME(KW.INSERT) },
      { ALT: () => $.CONSUME(KW.MOD) },
      { ALT: () => $.CONSUME(KW.CHAR) },
      { ALT: () => $.CONSUME(KW.CONVERT) },
    ]);
  });

  R.caseExpr = $.RULE('caseExpr', () => {
    $.CONSUME(KW.CASE);
    $.OPTION(() => $.SUBRULE(R.expression, { LABEL: 'operand' }));
    $.MANY(() => $.SUBRULE(R.caseWhen));
    $.OPTION1(() => {
      $.CONSUME(KW.ELSE);
      $.SUBRULE1(R.expression, { LABEL: 'else' });
    });
    $.CONSUME(KW.END);
  });

  R.caseWhen = $.RULE('caseWhen', () => {
    $.CONSUME(KW.WHEN);
    $.SUBRULE(R.expression, { LABEL: 'when' });
    $.CONSUME(KW.THEN);
    $.SUBRULE1(R.expression, { LABEL: 'then' });
  });

  /** CAST(x AS type) and CONVERT(x, type); CONVERT with other arguments is an ordinary function call. */
  R.castExpr = $.RULE('castExpr', () => {
    $.CONSUME(KW.CAST);
    $.CONSUME(T.LParen);
    $.SUBRULE(R.expression);
    $.CONSUME(KW.AS);
    $.SUBRULE(R.castType);
    $.CONSUME(T.RParen);
  });

  R.castType = $.RULE('castType', () => {
    $.OR([
      { ALT: () => $.CONSUME(T.Name, { LABEL: 'type' }) },
      { ALT: () => $.CONSUME(KW.CHAR, { LABEL: 'type' }) },
      { ALT: () => $.CONSUME(KW.BINARY, { LABEL: 'type' }) },
    ]);
    // SIGNED INTEGER, UNSIGNED INT: the second word adds nothing.
    $.OPTION(() => $.CONSUME1(T.Name, { LABEL: 'suffix' }));
    $.OPTION1(() => {
      $.CONSUME(T.LParen);
      $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.CONSUME(T.IntegerLiteral) });
      $.CONSUME(T.RParen);
    });
  });

  R.intervalExpr = $.RULE('intervalExpr', () => {
    $.CONSUME(KW.INTERVAL);
    $.SUBRULE(R.expression);
    $.CONSUME(T.Name, { LABEL: 'unit' });
  });

  R.columnRef = $.RULE('columnRef', () => {
    $.CONSUME(T.Name);
    $.MANY(() => {
      $.CONSUME(T.Dot);
      $.CONSUME1(T.Name);
    });
  });
}
