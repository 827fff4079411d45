/**
 * Session statements: SHOW, SET (variables, NAMES, CHARSET, TRANSACTION, and OceanBase's SET ENCRYPTION /
 * SET DECRYPTION), USE, DESC / DESCRIBE, BEGIN / COMMIT / ROLLBACK.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineSessionRules($: Dsl, R: Rules): void {
  const showStatementAlternatives1 = [{ ALT: () => $.CONSUME(KW.DATABASES) }, { ALT: () => $.CONSUME(KW.SCHEMAS) }];
  const showStatementAlternatives2 = [
    { ALT: () => $.SUBRULE(R.showTables) },
    { ALT: () => $.SUBRULE(R.showColumns) },
    { ALT: () => $.CONSUME(KW.PROCESSLIST) },
  ];
  const showStatementAlternatives3 = [{ ALT: () => $.CONSUME(KW.VARIABLES) }, { ALT: () => $.CONSUME(KW.STATUS) }];
  const showStatementAlternatives = [
    {
      ALT: () => {
        $.OR1(showStatementAlternatives1);
        $.OPTION(() => $.SUBRULE(R.showFilter));
      },
    },
    {
      ALT: () => {
        $.OPTION1(() => $.CONSUME(KW.FULL));
        $.OR2(showStatementAlternatives2);
      },
    },
    {
      ALT: () => {
        $.OPTION2(() => $.SUBRULE(R.scope));
        $.OR3(showStatementAlternatives3);
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
    { ALT: () => $.SUBRULE(R.showBrowse) },
    { ALT: () => $.CONSUME(KW.TENANT) },
    {
      // SHOW RESTORE PREVIEW: the sets and pieces the last ALTER SYSTEM RESTORE … PREVIEW of the session chose.
      ALT: () => {
        $.CONSUME(KW.RESTORE);
        $.CONSUME(KW.PREVIEW);
      },
    },
    { ALT: () => $.SUBRULE(R.showEmulator) },
  ];
  R.showStatement = $.RULE('showStatement', () => {
    $.CONSUME(KW.SHOW);
    $.OR(showStatementAlternatives);
  });

  const showTablesAlternatives = [{ ALT: () => $.CONSUME(KW.FROM) }, { ALT: () => $.CONSUME(KW.IN) }];
  /** SHOW [FULL] TABLES [FROM db] [LIKE | WHERE]. */
  R.showTables = $.RULE('showTables', () => {
    $.CONSUME(KW.TABLES);
    $.OPTION(() => {
      $.OR(showTablesAlternatives);
      $.CONSUME(T.Name, { LABEL: 'database' });
    });
    $.OPTION1(() => $.SUBRULE(R.showFilter));
  });

  const showColumnsAlternatives = [{ ALT: () => $.CONSUME(KW.COLUMNS) }, { ALT: () => $.CONSUME(KW.FIELDS) }];
  const showColumnsAlternatives1 = [{ ALT: () => $.CONSUME(KW.FROM) }, { ALT: () => $.CONSUME(KW.IN) }];
  const showColumnsAlternatives2 = [{ ALT: () => $.CONSUME1(KW.FROM) }, { ALT: () => $.CONSUME1(KW.IN) }];
  /** SHOW [FULL] COLUMNS FROM t [FROM db] [LIKE 'p']. */
  R.showColumns = $.RULE('showColumns', () => {
    $.OR(showColumnsAlternatives);
    $.OR1(showColumnsAlternatives1);
    $.SUBRULE(R.tableName);
    $.OPTION(() => {
      $.OR2(showColumnsAlternatives2);
      $.CONSUME(T.Name, { LABEL: 'database' });
    });
    $.OPTION1(() => {
      $.CONSUME(KW.LIKE);
      $.CONSUME(T.StringLiteral);
    });
  });

  const showFilterAlternatives = [
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
  ];
  /** `LIKE 'pattern'` or `WHERE expr`. */
  R.showFilter = $.RULE('showFilter', () => {
    $.OR(showFilterAlternatives);
  });

  const scopeAlternatives = [
    { ALT: () => $.CONSUME(KW.GLOBAL) },
    { ALT: () => $.CONSUME(KW.SESSION) },
    { ALT: () => $.CONSUME(KW.LOCAL) },
  ];
  R.scope = $.RULE('scope', () => {
    $.OR(scopeAlternatives);
  });

  const setStatementAlternatives1 = [
    { ALT: () => $.CONSUME(KW.CHARSET) },
    {
      ALT: () => {
        $.CONSUME(KW.CHARACTER);
        $.CONSUME1(KW.SET);
      },
    },
  ];
  const setStatementAlternatives = [
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
        $.OR1(setStatementAlternatives1);
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
  ];
  R.setStatement = $.RULE('setStatement', () => {
    $.CONSUME(KW.SET);
    $.OR(setStatementAlternatives);
  });

  const charsetNameAlternatives = [
    { ALT: () => $.CONSUME(T.Name) },
    { ALT: () => $.CONSUME(T.StringLiteral) },
    { ALT: () => $.CONSUME(KW.DEFAULT) },
    { ALT: () => $.CONSUME(KW.BINARY) },
  ];
  R.charsetName = $.RULE('charsetName', () => {
    $.OR(charsetNameAlternatives);
  });

  const transactionCharacteristicAlternatives2 = [
    { ALT: () => $.CONSUME(KW.UNCOMMITTED, { LABEL: 'level' }) },
    { ALT: () => $.CONSUME(KW.COMMITTED, { LABEL: 'level' }) },
  ];
  const transactionCharacteristicAlternatives1 = [
    {
      ALT: () => {
        $.CONSUME(KW.READ);
        $.OR2(transactionCharacteristicAlternatives2);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.REPEATABLE, { LABEL: 'level' });
        $.CONSUME1(KW.READ);
      },
    },
    { ALT: () => $.CONSUME(KW.SERIALIZABLE, { LABEL: 'level' }) },
  ];
  const transactionCharacteristicAlternatives3 = [
    { ALT: () => $.CONSUME(KW.WRITE, { LABEL: 'access' }) },
    { ALT: () => $.CONSUME(KW.ONLY, { LABEL: 'access' }) },
  ];
  const transactionCharacteristicAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.ISOLATION);
        $.CONSUME(KW.LEVEL);
        $.OR1(transactionCharacteristicAlternatives1);
      },
    },
    {
      ALT: () => {
        $.CONSUME2(KW.READ);
        $.OR3(transactionCharacteristicAlternatives3);
      },
    },
  ];
  R.transactionCharacteristic = $.RULE('transactionCharacteristic', () => {
    $.OR(transactionCharacteristicAlternatives);
  });

  const setAssignmentAlternatives = [
    { ALT: () => $.CONSUME(T.SystemVariableToken) },
    { ALT: () => $.CONSUME(T.UserVariableToken) },
    {
      ALT: () => {
        $.OPTION(() => $.SUBRULE(R.scope));
        $.CONSUME(T.Name);
      },
    },
  ];
  const setAssignmentAlternatives1 = [{ ALT: () => $.CONSUME(T.Equals) }, { ALT: () => $.CONSUME(T.Assign) }];
  const setAssignmentAlternatives2 = [
    { ALT: () => $.SUBRULE(R.expression) },
    // MySQL accepts these reserved words as values: SET autocommit = ON, SET x = DEFAULT.
    { ALT: () => $.CONSUME(KW.ON, { LABEL: 'word' }) },
    { ALT: () => $.CONSUME(KW.DEFAULT, { LABEL: 'word' }) },
    { ALT: () => $.CONSUME(KW.ALL, { LABEL: 'word' }) },
  ];
  /** `[GLOBAL|SESSION|LOCAL] name = v`, `@@[scope.]name = v`, `@name = v` (`:=` too). */
  R.setAssignment = $.RULE('setAssignment', () => {
    $.OR(setAssignmentAlternatives);
    $.OR1(setAssignmentAlternatives1);
    $.OR2(setAssignmentAlternatives2);
  });

  R.useStatement = $.RULE('useStatement', () => {
    $.CONSUME(KW.USE);
    $.CONSUME(T.Name);
  });

  const killStatementAlternatives = [{ ALT: () => $.CONSUME(KW.QUERY) }, { ALT: () => $.CONSUME(KW.CONNECTION) }];
  /** `KILL [CONNECTION | QUERY] id`: what the mysql client sends on Ctrl-C. */
  R.killStatement = $.RULE('killStatement', () => {
    $.CONSUME(KW.KILL);
    $.OPTION(() => $.OR(killStatementAlternatives));
    $.SUBRULE(R.expression);
  });

  const describeStatementAlternatives = [
    { ALT: () => $.CONSUME(KW.DESC) },
    { ALT: () => $.CONSUME(KW.DESCRIBE) },
    { ALT: () => $.CONSUME(KW.EXPLAIN) },
  ];
  const describeStatementAlternatives1 = [{ ALT: () => $.CONSUME(T.Name, { LABEL: 'column' }) }, { ALT: () => $.CONSUME(T.StringLiteral) }];
  R.describeStatement = $.RULE('describeStatement', () => {
    $.OR(describeStatementAlternatives);
    $.SUBRULE(R.tableName);
    $.OPTION(() => $.OR1(describeStatementAlternatives1));
  });

  const transactionStatementAlternatives1 = [{ ALT: () => $.CONSUME(KW.BEGIN) }, { ALT: () => $.CONSUME(KW.COMMIT) }];
  const transactionModeAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.WITH);
        $.CONSUME(KW.CONSISTENT);
        $.CONSUME(KW.SNAPSHOT);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.READ);
        $.OR3([{ ALT: () => $.CONSUME(KW.ONLY) }, { ALT: () => $.CONSUME(KW.WRITE) }]);
      },
    },
  ];
  const transactionStatementAlternatives = [
    {
      ALT: () => {
        $.OR1(transactionStatementAlternatives1);
        $.OPTION(() => $.CONSUME(KW.WORK));
      },
    },
    {
      // ROLLBACK [WORK] [TO [SAVEPOINT] name]: mariadb-dump --single-transaction rolls back to its savepoint per table.
      ALT: () => {
        $.CONSUME(KW.ROLLBACK);
        $.OPTION1(() => $.CONSUME1(KW.WORK));
        $.OPTION2(() => {
          $.CONSUME(KW.TO);
          $.OPTION3(() => $.CONSUME(KW.SAVEPOINT));
          $.CONSUME(T.Name, { LABEL: 'savepoint' });
        });
      },
    },
    {
      ALT: () => {
        $.CONSUME1(KW.SAVEPOINT);
        $.CONSUME1(T.Name, { LABEL: 'savepoint' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RELEASE);
        $.CONSUME2(KW.SAVEPOINT);
        $.CONSUME2(T.Name, { LABEL: 'savepoint' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.START);
        $.CONSUME(KW.TRANSACTION);
        $.MANY_SEP({ SEP: T.Comma, DEF: () => $.OR2(transactionModeAlternatives) });
      },
    },
  ];
  R.transactionStatement = $.RULE('transactionStatement', () => {
    $.OR(transactionStatementAlternatives);
  });
}
