/**
 * Session statements: SHOW, SET (variables, NAMES, CHARSET, TRANSACTION, and OceanBase's SET ENCRYPTION /
 * SET DECRYPTION), USE, DESC / DESCRIBE, BEGIN / COMMIT / ROLLBACK.
 */
import type { Dsl, Rules } from './dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineSessionRules($: Dsl, R: Rules): void {
  R.showStatement = $.RULE('showStatement', () => {
    $.CONSUME(KW.SHOW);
    $.OR([
      {
        ALT: () => {
          $.OR1([{ ALT: () => $.CONSUME(KW.DATABASES) }, { ALT: () => $.CONSUME(KW.SCHEMAS) }]);
          $.OPTION(() => $.SUBRULE(R.showFilter));
        },
      },
      {
        ALT: () => {
          $.OPTION1(() => $.CONSUME(KW.FULL));
          $.OR2([
            { ALT: () => $.SUBRULE(R.showTables) },
            { ALT: () => $.SUBRULE(R.showColumns) },
            { ALT: () => $.CONSUME(KW.PROCESSLIST) },
          ]);
        },
      },
      {
        ALT: () => {
          $.OPTION2(() => $.SUBRULE(R.scope));
          $.OR3([{ ALT: () => $.CONSUME(KW.VARIABLES) }, { ALT: () => $.CONSUME(KW.STATUS) }]);
          $.OPTION3(() => $.SUBRULE1(R.showFilter));
        },
      },
      {
        ALT: () => {
          $.CONSUME(KW.PARAMETERS);
          $.OPTION4(() => $.SUBRULE2(R.showFilter));
          $.OPTION5(() => $.SUBRULE(R.tenantClause));
        },
      },
      { ALT: () => $.CONSUME(KW.WARNINGS) },
      { ALT: () => $.CONSUME(KW.ERRORS) },
      {
        ALT: () => {
          $.CONSUME(KW.CREATE);
          $.CONSUME(KW.TABLE);
          $.SUBRULE(R.tableName);
        },
      },
      { ALT: () => $.CONSUME(KW.TENANT) },
      {
        // SHOW RESTORE PREVIEW: the sets and pieces the last ALTER SYSTEM RESTORE … PREVIEW of the session chose.
        ALT: () => {
          $.CONSUME(KW.RESTORE);
          $.CONSUME(KW.PREVIEW);
        },
      },
      { ALT: () => $.SUBRULE(R.showEmulator) },
    ]);
  });

  /** SHOW [FULL] TABLES [FROM db] [LIKE | WHERE]. */
  R.showTables = $.RULE('showTables', () => {
    $.CONSUME(KW.TABLES);
    $.OPTION(() => {
      $.OR([{ ALT: () => $.CONSUME(KW.FROM) }, { ALT: () => $.CONSUME(KW.IN) }]);
      $.CONSUME(T.Name, { LABEL: 'database' });
    });
    $.OPTION1(() => $.SUBRULE(R.showFilter));
  });

  /** SHOW [FULL] COLUMNS FROM t [FROM db] [LIKE 'p']. */
  R.showColumns = $.RULE('showColumns', () => {
    $.OR([{ ALT: () => $.CONSUME(KW.COLUMNS) }, { ALT: () => $.CONSUME(KW.FIELDS) }]);
    $.OR1([{ ALT: () => $.CONSUME(KW.FROM) }, { ALT: () => $.CONSUME(KW.IN) }]);
    $.SUBRULE(R.tableName);
    $.OPTION(() => {
      $.OR2([{ ALT: () => $.CONSUME1(KW.FROM) }, { ALT: () => $.CONSUME1(KW.IN) }]);
      $.CONSUME(T.Name, { LABEL: 'database' });
    });
    $.OPTION1(() => {
      $.CONSUME(KW.LIKE);
      $.CONSUME(T.StringLiteral);
    });
  });

  /** `LIKE 'pattern'` or `WHERE expr`. */
  R.showFilter = $.RULE('showFilter', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(KW.LIKE);
          $.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          $.CONSUME(KW.WHERE);
          $.SUBRULE(R.expression);
        },
      },
    ]);
  });

  R.scope = $.RULE('scope', () => {
    $.OR([
      { ALT: () => $.CONSUME(KW.GLOBAL) },
      { ALT: () => $.CONSUME(KW.SESSION) },
      { ALT: () => $.CONSUME(KW.LOCAL) },
    ]);
  });

  R.setStatement = $.RULE('setStatement', () => {
    $.CONSUME(KW.SET);
    $.OR([
      {
        ALT: () => {
          $.CONSUME(KW.NAMES);
          $.SUBRULE(R.charsetName, { LABEL: 'charset' });
          $.OPTION(() => {
            $.CONSUME(KW.COLLATE);
            $.SUBRULE1(R.charsetName, { LABEL: 'collate' });
          });
        },
      },
      {
        ALT: () => {
          $.OR1([
            { ALT: () => $.CONSUME(KW.CHARSET) },
            {
              ALT: () => {
                $.CONSUME(KW.CHARACTER);
                $.CONSUME1(KW.SET);
              },
            },
          ]);
          $.SUBRULE2(R.charsetName, { LABEL: 'charset' });
        },
      },
      {
        ALT: () => {
          $.CONSUME(KW.ENCRYPTION);
          $.CONSUME(KW.ON);
          $.CONSUME(KW.IDENTIFIED);
          $.CONSUME(KW.BY);
          $.CONSUME(T.StringLiteral);
          $.CONSUME(KW.ONLY);
        },
      },
      {
        ALT: () => {
          $.CONSUME(KW.DECRYPTION);
          $.CONSUME1(KW.IDENTIFIED);
          $.CONSUME1(KW.BY);
          $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.CONSUME1(T.StringLiteral) });
        },
      },
      {
        ALT: () => {
          $.OPTION1(() => $.SUBRULE(R.scope));
          $.CONSUME(KW.TRANSACTION);
          $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => $.SUBRULE(R.transactionCharacteristic) });
        },
      },
      { ALT: () => $.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => $.SUBRULE(R.setAssignment) }) },
    ]);
  });

  R.charsetName = $.RULE('charsetName', () => {
    $.OR([
      { ALT: () => $.CONSUME(T.Name) },
      { ALT: () => $.CONSUME(T.StringLiteral) },
      { ALT: () => $.CONSUME(KW.DEFAULT) },
      { ALT: () => $.CONSUME(KW.BINARY) },
    ]);
  });

  R.transactionCharacteristic = $.RULE('transactionCharacteristic', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(KW.ISOLATION);
          $.CONSUME(KW.LEVEL);
          $.OR1([
            {
              ALT: () => {
                $.CONSUME(KW.READ);
                $.OR2([
                  { ALT: () => $.CONSUME(KW.UNCOMMITTED, { LABEL: 'level' }) },
                  { ALT: () => $.CONSUME(KW.COMMITTED, { LABEL: 'level' }) },
                ]);
              },
            },
            {
              ALT: () => {
                $.CONSUME(KW.REPEATABLE, { LABEL: 'level' });
                $.CONSUME1(KW.READ);
              },
            },
            { ALT: () => $.CONSUME(KW.SERIALIZABLE, { LABEL: 'level' }) },
          ]);
        },
      },
      {
        ALT: () => {
          $.CONSUME2(KW.READ);
          $.OR3([
            { ALT: () => $.CONSUME(KW.WRITE, { LABEL: 'access' }) },
            { ALT: () => $.CONSUME(KW.ONLY, { LABEL: 'access' }) },
          ]);
        },
      },
    ]);
  });

  /** `[GLOBAL|SESSION|LOCAL] name = v`, `@@[scope.]name = v`, `@name = v` (`:=` too). */
  R.setAssignment = $.RULE('setAssignment', () => {
    $.OR([
      { ALT: () => $.CONSUME(T.SystemVariableToken) },
      { ALT: () => $.CONSUME(T.UserVariableToken) },
      {
        ALT: () => {
          $.OPTION(() => $.SUBRULE(R.scope));
          $.CONSUME(T.Name);
        },
      },
    ]);
    $.OR1([{ ALT: () => $.CONSUME(T.Equals) }, { ALT: () => $.CONSUME(T.Assign) }]);
    $.OR2([
      { ALT: () => $.SUBRULE(R.expression) },
      // MySQL accepts these reserved words as values: SET autocommit = ON, SET x = DEFAULT.
      { ALT: () => $.CONSUME(KW.ON, { LABEL: 'word' }) },
      { ALT: () => $.CONSUME(KW.DEFAULT, { LABEL: 'word' }) },
      { ALT: () => $.CONSUME(KW.ALL, { LABEL: 'word' }) },
    ]);
  });

  R.useStatement = $.RULE('useStatement', () => {
    $.CONSUME(KW.USE);
    $.CONSUME(T.Name);
  });

  R.describeStatement = $.RULE('describeStatement', () => {
    $.OR([
      { ALT: () => $.CONSUME(KW.DESC) },
      { ALT: () => $.CONSUME(KW.DESCRIBE) },
      { ALT: () => $.CONSUME(KW.EXPLAIN) },
    ]);
    $.SUBRULE(R.tableName);
    $.OPTION(() => $.OR1([{ ALT: () => $.CONSUME(T.Name, { LABEL: 'column' }) }, { ALT: () => $.CONSUME(T.StringLiteral) }]));
  });

  R.transactionStatement = $.RULE('transactionStatement', () => {
    $.OR([
      {
        ALT: () => {
          $.OR1([{ ALT: () => $.CONSUME(KW.BEGIN) }, { ALT: () => $.CONSUME(KW.COMMIT) }, { ALT: () => $.CONSUME(KW.ROLLBACK) }]);
          $.OPTION(() => $.CONSUME(KW.WORK));
        },
      },
      {
        ALT: () => {
          $.CONSUME(KW.START);
          $.CONSUME(KW.TRANSACTION);
        },
      },
    ]);
  });
}
