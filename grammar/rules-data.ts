/**
 * The data plane's SQL (issue 20): CREATE / DROP DATABASE, CREATE / DROP / TRUNCATE / RENAME / ALTER TABLE, and
 * INSERT / REPLACE / UPDATE / DELETE, in the MySQL forms applications and ORMs send
 * (https://en.oceanbase.com/docs/common-oceanbase-database-10000000001103647, MySQL-mode SQL statements).
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineDataRules($: Dsl, R: Rules): void {
  defineDdlRules($, R);
  defineColumnRules($, R);
  defineDmlRules($, R);
}

function defineDdlRules($: Dsl, R: Rules): void {
  const databaseOrSchema = [{ ALT: () => $.CONSUME(KW.DATABASE) }, { ALT: () => $.CONSUME(KW.SCHEMA) }];
  /** `DATABASE | SCHEMA [IF NOT EXISTS] name [[DEFAULT] CHARACTER SET | CHARSET | COLLATE [=] x]…` after CREATE. */
  R.createDatabase = $.RULE('createDatabase', () => {
    $.OR(databaseOrSchema);
    $.OPTION(() => $.SUBRULE(R.ifNotExists));
    $.CONSUME(T.Name);
    $.MANY(() => $.SUBRULE(R.charsetOption));
  });

  const charsetWord = [
    {
      ALT: () => {
        $.CONSUME(KW.CHARACTER);
        $.CONSUME(KW.SET);
      },
    },
    { ALT: () => $.CONSUME(KW.CHARSET) },
    { ALT: () => $.CONSUME(KW.COLLATE) },
  ];
  const nameOrString = [{ ALT: () => $.CONSUME(T.Name, { LABEL: 'value' }) }, { ALT: () => $.CONSUME(T.StringLiteral, { LABEL: 'value' }) }];
  /** `[DEFAULT] CHARACTER SET | CHARSET | COLLATE [=] x`: accepted, utf8mb4 is the only character set kept. */
  R.charsetOption = $.RULE('charsetOption', () => {
    $.OPTION(() => $.CONSUME(KW.DEFAULT));
    $.OR(charsetWord);
    $.OPTION1(() => $.CONSUME(T.Equals));
    $.OR1(nameOrString);
  });

  /** `DATABASE | SCHEMA [IF EXISTS] name` after DROP. */
  R.dropDatabase = $.RULE('dropDatabase', () => {
    $.OR(databaseOrSchema);
    $.OPTION(() => $.SUBRULE(R.ifExists));
    $.CONSUME(T.Name);
  });

  const createTableBody = [
    {
      ALT: () => {
        $.CONSUME(KW.LIKE);
        $.SUBRULE1(R.tableName, { LABEL: 'like' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(T.LParen);
        $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tableElement) });
        $.CONSUME(T.RParen);
        $.MANY(() => $.SUBRULE(R.tableOption));
        $.OPTION3(() => {
          $.OPTION1(() => $.CONSUME(KW.AS));
          $.SUBRULE(R.queryExpression);
        });
      },
    },
    {
      ALT: () => {
        $.MANY1(() => $.SUBRULE1(R.tableOption));
        $.OPTION2(() => $.CONSUME1(KW.AS));
        $.SUBRULE1(R.queryExpression);
      },
    },
  ];
  /** `TABLE [IF NOT EXISTS] t (LIKE u | (elements) [options] [[AS] query] | [options] [AS] query)` after CREATE. */
  R.createTable = $.RULE('createTable', () => {
    $.CONSUME(KW.TABLE);
    $.OPTION(() => $.SUBRULE(R.ifNotExists));
    $.SUBRULE(R.tableName);
    $.OR(createTableBody);
  });

  const tableElementAlternatives = [{ ALT: () => $.SUBRULE(R.columnDefinition) }, { ALT: () => $.SUBRULE(R.tableConstraint) }];
  R.tableElement = $.RULE('tableElement', () => {
    $.OR(tableElementAlternatives);
  });

  const keyOrIndex = [{ ALT: () => $.CONSUME(KW.KEY) }, { ALT: () => $.CONSUME(KW.INDEX) }];
  const keyOrIndex1 = [{ ALT: () => $.CONSUME1(KW.KEY) }, { ALT: () => $.CONSUME1(KW.INDEX) }];
  const constraintAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.PRIMARY);
        $.CONSUME2(KW.KEY);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.UNIQUE);
        $.OPTION1(() => $.OR1(keyOrIndex1));
        $.OPTION2(() => $.CONSUME1(T.Name, { LABEL: 'index' }));
      },
    },
    {
      ALT: () => {
        $.OR(keyOrIndex);
        $.OPTION3(() => $.CONSUME2(T.Name, { LABEL: 'index' }));
      },
    },
  ];
  /** `[CONSTRAINT [name]] PRIMARY KEY (cols) | UNIQUE [KEY | INDEX] [name] (cols) | KEY | INDEX [name] (cols)`. */
  R.tableConstraint = $.RULE('tableConstraint', () => {
    $.OPTION(() => {
      $.CONSUME(KW.CONSTRAINT);
      $.OPTION4(() => $.CONSUME(T.Name, { LABEL: 'constraint' }));
    });
    $.OR2(constraintAlternatives);
    $.SUBRULE(R.indexColumns);
  });

  const ascOrDesc = [{ ALT: () => $.CONSUME(KW.ASC) }, { ALT: () => $.CONSUME(KW.DESC) }];
  /** `(col [ASC | DESC], …)`: the order of an index column is accepted and not kept (MySQL 5.7 ignores it too). */
  R.indexColumns = $.RULE('indexColumns', () => {
    $.CONSUME(T.LParen);
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.CONSUME(T.Name, { LABEL: 'column' });
        $.OPTION(() => $.OR(ascOrDesc));
      },
    });
    $.CONSUME(T.RParen);
  });

  const tableOptionAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.ENGINE);
        $.OPTION(() => $.CONSUME(T.Equals));
        $.CONSUME(T.Name, { LABEL: 'engine' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.COMMENT);
        $.OPTION1(() => $.CONSUME1(T.Equals));
        $.CONSUME(T.StringLiteral, { LABEL: 'comment' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.AUTO_INCREMENT);
        $.OPTION2(() => $.CONSUME2(T.Equals));
        $.CONSUME(T.IntegerLiteral, { LABEL: 'autoIncrement' });
      },
    },
    { ALT: () => $.SUBRULE(R.charsetOption) },
  ];
  /** ENGINE, COMMENT, AUTO_INCREMENT and the character set options, each `[=]`, commas between them optional. */
  R.tableOption = $.RULE('tableOption', () => {
    $.OPTION3(() => $.CONSUME(T.Comma));
    $.OR(tableOptionAlternatives);
  });

  const restrictOrCascade = [{ ALT: () => $.CONSUME(KW.RESTRICT) }, { ALT: () => $.CONSUME(KW.CASCADE) }];
  /** `TABLE | TABLES [IF EXISTS] t, … [RESTRICT | CASCADE]` after DROP. */
  const tableOrTables = [{ ALT: () => $.CONSUME(KW.TABLE) }, { ALT: () => $.CONSUME(KW.TABLES) }];
  R.dropTable = $.RULE('dropTable', () => {
    $.OR(tableOrTables);
    $.OPTION(() => $.SUBRULE(R.ifExists));
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tableName) });
    $.OPTION1(() => $.OR1(restrictOrCascade));
  });

  /** `RENAME TABLE a TO b, …`. */
  R.renameStatement = $.RULE('renameStatement', () => {
    $.CONSUME(KW.RENAME);
    $.CONSUME(KW.TABLE);
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.SUBRULE(R.tableName, { LABEL: 'from' });
        $.CONSUME(KW.TO);
        $.SUBRULE1(R.tableName, { LABEL: 'to' });
      },
    });
  });

  /** `TRUNCATE [TABLE] t`. */
  R.truncateStatement = $.RULE('truncateStatement', () => {
    $.CONSUME(KW.TRUNCATE);
    $.OPTION(() => $.CONSUME(KW.TABLE));
    $.SUBRULE(R.tableName);
  });

  /** `TABLE t spec, …` after ALTER. */
  R.alterTable = $.RULE('alterTable', () => {
    $.CONSUME(KW.TABLE);
    $.SUBRULE(R.tableName);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.alterSpec) });
  });

  const toOrAs = [{ ALT: () => $.CONSUME(KW.TO) }, { ALT: () => $.CONSUME(KW.AS) }];
  const firstOrAfter = [
    { ALT: () => $.CONSUME(KW.FIRST) },
    {
      ALT: () => {
        $.CONSUME(KW.AFTER);
        $.CONSUME(T.Name, { LABEL: 'after' });
      },
    },
  ];
  const addWhat = [
    { ALT: () => $.SUBRULE(R.tableConstraint) },
    {
      ALT: () => {
        $.OPTION(() => $.CONSUME(KW.COLUMN));
        $.SUBRULE(R.columnDefinition);
        $.OPTION1(() => $.OR1(firstOrAfter));
      },
    },
  ];
  const dropWhat = [
    {
      ALT: () => {
        $.CONSUME(KW.PRIMARY);
        $.CONSUME3(KW.KEY);
      },
    },
    {
      ALT: () => {
        $.OR4(keyOrIndex);
        $.CONSUME1(T.Name, { LABEL: 'index' });
      },
    },
    {
      ALT: () => {
        $.OPTION2(() => $.CONSUME1(KW.COLUMN));
        $.CONSUME2(T.Name, { LABEL: 'column' });
      },
    },
  ];
  const disableOrEnable = [{ ALT: () => $.CONSUME(KW.DISABLE) }, { ALT: () => $.CONSUME(KW.ENABLE) }];
  const alterSpecAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.ADD);
        $.OR2(addWhat);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.DROP);
        $.OR3(dropWhat);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RENAME);
        $.OPTION3(() => $.OR5(toOrAs));
        $.SUBRULE(R.tableName, { LABEL: 'rename' });
      },
    },
    {
      // mysqldump's `/*!40000 ALTER TABLE t DISABLE KEYS */` around its INSERTs.
      ALT: () => {
        $.OR6(disableOrEnable);
        $.CONSUME(KW.KEYS);
      },
    },
  ];
  /** ADD [COLUMN] col … [FIRST | AFTER c], ADD constraint, DROP [COLUMN] c, DROP INDEX | KEY i, DROP PRIMARY KEY, RENAME [TO] t, DISABLE | ENABLE KEYS. */
  R.alterSpec = $.RULE('alterSpec', () => {
    $.OR(alterSpecAlternatives);
  });
}

function defineColumnRules($: Dsl, R: Rules): void {
  /** `name type [attributes]`. */
  R.columnDefinition = $.RULE('columnDefinition', () => {
    $.CONSUME(T.Name);
    $.SUBRULE(R.dataType);
    $.MANY(() => $.SUBRULE(R.columnAttribute));
  });

  const typeWord = [{ ALT: () => $.CONSUME(T.Name, { LABEL: 'type' }) }, { ALT: () => $.CONSUME(KW.CHAR, { LABEL: 'type' }) }];
  const signedness = [{ ALT: () => $.CONSUME(KW.UNSIGNED) }, { ALT: () => $.CONSUME(KW.SIGNED) }];
  const charsetWord = [
    {
      ALT: () => {
        $.CONSUME(KW.CHARACTER);
        $.CONSUME(KW.SET);
      },
    },
    { ALT: () => $.CONSUME(KW.CHARSET) },
    { ALT: () => $.CONSUME(KW.COLLATE) },
  ];
  /** A column's `CHARACTER SET | CHARSET | COLLATE x`: accepted, utf8mb4 is the only character set kept. */
  R.columnCharset = $.RULE('columnCharset', () => {
    $.OR(charsetWord);
    $.CONSUME(T.Name);
  });

  /** `INT(11) UNSIGNED`, `DECIMAL(10,2)`, `VARCHAR(64)`: the type word is checked where the table is made. */
  R.dataType = $.RULE('dataType', () => {
    $.OR(typeWord);
    $.OPTION(() => {
      $.CONSUME(T.LParen);
      $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.CONSUME(T.IntegerLiteral, { LABEL: 'arg' }) });
      $.CONSUME(T.RParen);
    });
    $.OPTION1(() => $.OR1(signedness));
    $.OPTION2(() => $.CONSUME(KW.ZEROFILL));
  });

  const columnAttributeAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.NOT);
        $.CONSUME(KW.NULL);
      },
    },
    { ALT: () => $.CONSUME1(KW.NULL, { LABEL: 'nullable' }) },
    {
      ALT: () => {
        $.CONSUME(KW.DEFAULT);
        $.SUBRULE(R.defaultValue);
      },
    },
    { ALT: () => $.CONSUME(KW.AUTO_INCREMENT) },
    {
      ALT: () => {
        $.CONSUME(KW.PRIMARY);
        $.CONSUME(KW.KEY);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.UNIQUE);
        $.OPTION(() => $.CONSUME1(KW.KEY));
      },
    },
    { ALT: () => $.CONSUME2(KW.KEY, { LABEL: 'primaryKey' }) },
    {
      ALT: () => {
        $.CONSUME(KW.COMMENT);
        $.CONSUME(T.StringLiteral);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.ON);
        $.CONSUME(KW.UPDATE);
        $.SUBRULE1(R.defaultValue, { LABEL: 'onUpdate' });
      },
    },
    { ALT: () => $.SUBRULE(R.columnCharset) },
  ];
  R.columnAttribute = $.RULE('columnAttribute', () => {
    $.OR(columnAttributeAlternatives);
  });

  const sign = [{ ALT: () => $.CONSUME(T.Minus) }, { ALT: () => $.CONSUME(T.Plus) }];
  const defaultValueAlternatives = [
    {
      ALT: () => {
        $.OPTION(() => $.OR1(sign));
        $.CONSUME(T.NumberLiteral);
      },
    },
    { ALT: () => $.CONSUME(T.StringLiteral) },
    { ALT: () => $.CONSUME(KW.NULL) },
    { ALT: () => $.CONSUME(KW.TRUE) },
    { ALT: () => $.CONSUME(KW.FALSE) },
    {
      // CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(6), NOW(), LOCALTIMESTAMP.
      ALT: () => {
        $.CONSUME(T.Name, { LABEL: 'function' });
        $.OPTION1(() => {
          $.CONSUME(T.LParen);
          $.OPTION2(() => $.CONSUME(T.IntegerLiteral, { LABEL: 'fsp' }));
          $.CONSUME(T.RParen);
        });
      },
    },
    {
      ALT: () => {
        $.CONSUME1(T.LParen);
        $.SUBRULE(R.expression);
        $.CONSUME1(T.RParen);
      },
    },
  ];
  /** A column default: a literal, a signed number, CURRENT_TIMESTAMP[(n)], or `(expr)`. */
  R.defaultValue = $.RULE('defaultValue', () => {
    $.OR(defaultValueAlternatives);
  });
}

function defineDmlRules($: Dsl, R: Rules): void {
  const insertOrReplace = [{ ALT: () => $.CONSUME(KW.INSERT) }, { ALT: () => $.CONSUME(KW.REPLACE) }];
  const valuesWord = [{ ALT: () => $.CONSUME(KW.VALUES) }, { ALT: () => $.CONSUME(KW.VALUE) }];
  const insertSource = [
    {
      ALT: () => {
        $.OR1(valuesWord);
        $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.valuesRow) });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.SET);
        $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => $.SUBRULE(R.assignment) });
      },
    },
    { ALT: () => $.SUBRULE(R.queryExpression) },
  ];
  /** `INSERT | REPLACE [IGNORE] [INTO] t [(cols)] VALUES (…), … | SET c = v, … | query [ON DUPLICATE KEY UPDATE …]`. */
  R.insertStatement = $.RULE('insertStatement', () => {
    $.OR(insertOrReplace);
    $.OPTION(() => $.CONSUME(KW.IGNORE));
    $.OPTION1(() => $.CONSUME(KW.INTO));
    $.SUBRULE(R.tableName);
    $.OPTION2(() => {
      $.CONSUME(T.LParen);
      $.MANY_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.columnName) });
      $.CONSUME(T.RParen);
    });
    $.OR2(insertSource);
    $.OPTION3(() => {
      $.CONSUME(KW.ON);
      $.CONSUME(KW.DUPLICATE);
      $.CONSUME(KW.KEY);
      $.CONSUME(KW.UPDATE);
      $.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => $.SUBRULE1(R.assignment, { LABEL: 'onDuplicate' }) });
    });
  });

  /** `(v, DEFAULT, …)`; `()` is a row of defaults. */
  R.valuesRow = $.RULE('valuesRow', () => {
    $.CONSUME(T.LParen);
    $.MANY_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.valueItem) });
    $.CONSUME(T.RParen);
  });

  const valueItemAlternatives = [{ ALT: () => $.CONSUME(KW.DEFAULT) }, { ALT: () => $.SUBRULE(R.expression) }];
  R.valueItem = $.RULE('valueItem', () => {
    $.OR(valueItemAlternatives);
  });

  /** `col` or `t.col` (a target of SET or of an INSERT's column list). */
  R.columnName = $.RULE('columnName', () => {
    $.CONSUME(T.Name);
    $.OPTION(() => {
      $.CONSUME(T.Dot);
      $.CONSUME1(T.Name);
    });
  });

  /** `col = expr | DEFAULT`. */
  R.assignment = $.RULE('assignment', () => {
    $.SUBRULE(R.columnName);
    $.CONSUME(T.Equals);
    $.SUBRULE(R.valueItem);
  });

  const orderLimit = (): void => {
    $.OPTION3(() => {
      $.CONSUME(KW.ORDER);
      $.CONSUME(KW.BY);
      $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => $.SUBRULE(R.orderItem) });
    });
    $.OPTION4(() => $.SUBRULE(R.limitClause));
  };
  const where = (): void => {
    $.OPTION2(() => {
      $.CONSUME(KW.WHERE);
      $.SUBRULE(R.expression, { LABEL: 'where' });
    });
  };
  /** `UPDATE [LOW_PRIORITY] [IGNORE] t [[AS] alias] SET c = v, … [WHERE …] [ORDER BY …] [LIMIT n]`. */
  R.updateStatement = $.RULE('updateStatement', () => {
    $.CONSUME(KW.UPDATE);
    $.OPTION(() => $.CONSUME(KW.LOW_PRIORITY));
    $.OPTION1(() => $.CONSUME(KW.IGNORE));
    $.SUBRULE(R.tableName);
    $.OPTION5(() => {
      $.OPTION6(() => $.CONSUME(KW.AS));
      $.CONSUME(T.Name, { LABEL: 'alias' });
    });
    $.CONSUME(KW.SET);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.assignment) });
    where();
    orderLimit();
  });

  /** `DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t [[AS] alias] [WHERE …] [ORDER BY …] [LIMIT n]`. */
  R.deleteStatement = $.RULE('deleteStatement', () => {
    $.CONSUME(KW.DELETE);
    $.OPTION(() => $.CONSUME(KW.LOW_PRIORITY));
    $.OPTION7(() => $.CONSUME(KW.QUICK));
    $.OPTION1(() => $.CONSUME(KW.IGNORE));
    $.CONSUME(KW.FROM);
    $.SUBRULE(R.tableName);
    $.OPTION5(() => {
      $.OPTION6(() => $.CONSUME(KW.AS));
      $.CONSUME(T.Name, { LABEL: 'alias' });
    });
    where();
    orderLimit();
  });
}
