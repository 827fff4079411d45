/**
 * Expression rules (MySQL precedence). The chain is kept short because every rule call costs on the hot path:
 * `expression` holds the prefix NOTs and a list of `exprTail`s (logical and comparison operators, IS, IN, LIKE,
 * BETWEEN) over `bitExpr`s; a `bitExpr` is arithmetic and bit operators over prefix operators and primaries.
 * Operators arrive in source order and are folded by precedence in ast-expr, so a column costs three rule calls.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineExpressionRules($: Dsl, R: Rules): void {
  const not = (): unknown => $.CONSUME(KW.NOT);
  const exprTail = (): unknown => $.SUBRULE(R.exprTail);
  R.expression = $.RULE('expression', () => {
    $.MANY(not);
    $.SUBRULE(R.bitExpr);
    $.MANY1(exprTail);
  });

  const exprTailAlternatives1 = [
    { ALT: () => $.CONSUME(KW.NULL) },
    { ALT: () => $.CONSUME(KW.TRUE) },
    { ALT: () => $.CONSUME(KW.FALSE) },
    { ALT: () => $.CONSUME(KW.UNKNOWN) },
  ];
  const inListAlternatives = [
    { ALT: () => $.SUBRULE(R.subquery) },
    { ALT: () => $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.expression) }) },
  ];
  const exprTailAlternatives2 = [
    {
      ALT: () => {
        $.CONSUME(KW.IN);
        $.CONSUME(T.LParen);
        $.OR3(inListAlternatives);
        $.CONSUME(T.RParen);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.LIKE);
        $.SUBRULE2(R.bitExpr, { LABEL: 'pattern' });
        $.OPTION2(() => {
          $.CONSUME(KW.ESCAPE);
          $.SUBRULE3(R.bitExpr, { LABEL: 'escape' });
        });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.BETWEEN);
        $.SUBRULE4(R.bitExpr, { LABEL: 'low' });
        $.CONSUME(KW.AND);
        $.SUBRULE5(R.bitExpr, { LABEL: 'high' });
      },
    },
  ];
  const exprTailAlternatives = [
    {
      ALT: () => {
        $.CONSUME(T.LogicalOperator);
        $.MANY(() => $.CONSUME(KW.NOT));
        $.SUBRULE(R.bitExpr);
      },
    },
    {
      ALT: () => {
        $.CONSUME(T.ComparisonOperator);
        $.SUBRULE1(R.bitExpr);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.IS);
        $.OPTION(() => $.CONSUME1(KW.NOT));
        $.OR1(exprTailAlternatives1);
      },
    },
    {
      ALT: () => {
        $.OPTION1(() => $.CONSUME2(KW.NOT));
        $.OR2(exprTailAlternatives2);
      },
    },
  ];
  /** What may follow an operand at the logical and comparison levels. NOT only follows a logical operator. */
  R.exprTail = $.RULE('exprTail', () => {
    $.OR(exprTailAlternatives);
  });

  /** Operands with their prefix operators; which operand a prefix belongs to is read from the token offsets. */
  const prefix = (): unknown => $.CONSUME(T.PrefixOperator);
  const prefix1 = (): unknown => $.CONSUME1(T.PrefixOperator);
  const operation = (): void => {
    $.CONSUME(T.ArithOperator);
    $.MANY2(prefix1);
    $.SUBRULE1(R.primary);
  };
  R.bitExpr = $.RULE('bitExpr', () => {
    $.MANY(prefix);
    $.SUBRULE(R.primary);
    $.MANY1(operation);
  });

  const primaryAlternatives1 = [
    { ALT: () => $.SUBRULE(R.callArgs) },
    {
      ALT: () => {
        $.AT_LEAST_ONE(() => {
          $.CONSUME(T.Dot);
          $.CONSUME1(T.Name);
        });
      },
    },
  ];
  const primaryAlternatives2 = [
    { ALT: () => $.CONSUME(KW.IF) },
    { ALT: () => $.CONSUME(KW.DATABASE) },
    { ALT: () => $.CONSUME(KW.SCHEMA) },
    { ALT: () => $.CONSUME(KW.LEFT) },
    { ALT: () => $.CONSUME(KW.RIGHT) },
    { ALT: () => $.CONSUME(KW.REPLACE) },
    { ALT: () => $.CONSUME(KW.INSERT) },
    { ALT: () => $.CONSUME(KW.MOD) },
    { ALT: () => $.CONSUME(KW.CHAR) },
  ];
  /** `(expr)` or a scalar subquery `(SELECT …)`: the first token tells them apart. */
  const parenthesizedAlternatives = [{ ALT: () => $.SUBRULE(R.subquery) }, { ALT: () => $.SUBRULE(R.expression) }];
  const primaryAlternatives = [
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
        $.OR3(parenthesizedAlternatives);
        $.CONSUME(T.RParen);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.EXISTS);
        $.CONSUME1(T.LParen);
        $.SUBRULE1(R.subquery, { LABEL: 'exists' });
        $.CONSUME1(T.RParen);
      },
    },
    {
      // A column `[schema.][table.]col` or a function call `name(…)`.
      ALT: () => {
        $.CONSUME(T.Name);
        $.OPTION(() => {
          $.OR1(primaryAlternatives1);
        });
      },
    },
    {
      // The reserved words MySQL also spells as a function (`if(…)`, `database()`, `left(…)`).
      ALT: () => {
        $.OR2(primaryAlternatives2);
        $.SUBRULE1(R.callArgs);
      },
    },
  ];
  /** Every alternative starts with its own token, so chevrotain picks one with a single table lookup. */
  R.primary = $.RULE('primary', () => {
    $.OR(primaryAlternatives);
  });

  const callArgsAlternatives1 = [{ ALT: () => $.CONSUME(KW.DISTINCT) }, { ALT: () => $.CONSUME(KW.ALL) }];
  const callArgsAlternatives = [
    { ALT: () => $.CONSUME(T.Star) },
    {
      ALT: () => {
        $.OPTION1(() => $.OR1(callArgsAlternatives1));
        $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.expression) });
      },
    },
  ];
  /** `(*)`, `()`, `([DISTINCT | ALL] expr, …)`. */
  R.callArgs = $.RULE('callArgs', () => {
    $.CONSUME(T.LParen);
    $.OPTION(() => {
      $.OR(callArgsAlternatives);
    });
    $.CONSUME(T.RParen);
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

  /** `binary` is a reserved word, the other character sets are names. */
  const charsetAlternatives = [{ ALT: () => $.CONSUME(T.Name, { LABEL: 'charset' }) }, { ALT: () => $.CONSUME(KW.BINARY, { LABEL: 'charset' }) }];
  const convertAlternatives = [
    {
      ALT: () => {
        $.CONSUME(T.Comma);
        $.SUBRULE1(R.castType);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.USING);
        $.OR2(charsetAlternatives);
      },
    },
  ];
  const castAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.CAST);
        $.CONSUME(T.LParen);
        $.SUBRULE(R.expression);
        $.CONSUME(KW.AS);
        $.SUBRULE(R.castType);
        $.CONSUME(T.RParen);
      },
    },
    {
      // Connector/J's getColumns sends CONVERT(…, UNSIGNED INTEGER); Adminer and Metabase CONVERT(… USING utf8mb4).
      ALT: () => {
        $.CONSUME(KW.CONVERT);
        $.CONSUME1(T.LParen);
        $.SUBRULE1(R.expression);
        $.OR1(convertAlternatives);
        $.CONSUME1(T.RParen);
      },
    },
  ];
  /** CAST(x AS type), CONVERT(x, type) and CONVERT(x USING charset). */
  R.castExpr = $.RULE('castExpr', () => {
    $.OR(castAlternatives);
  });

  const castTypeAlternatives = [
    { ALT: () => $.CONSUME(T.Name, { LABEL: 'type' }) },
    { ALT: () => $.CONSUME(KW.CHAR, { LABEL: 'type' }) },
    { ALT: () => $.CONSUME(KW.BINARY, { LABEL: 'type' }) },
  ];
  R.castType = $.RULE('castType', () => {
    $.OR(castTypeAlternatives);
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
}
