/**
 * What browsing clients send around metadata (GUI tools, ORMs, JDBC metadata, dump tools): the SHOW family beyond
 * databases, tables, columns and variables (TABLE STATUS, INDEX, CREATE TABLE / VIEW / DATABASE, GRANTS, ENGINES,
 * CHARACTER SET, COLLATION, PROCEDURE / FUNCTION STATUS, TRIGGERS, EVENTS, PLUGINS, MASTER STATUS), and LOCK /
 * UNLOCK TABLES.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineBrowseRules($: Dsl, R: Rules): void {
  const fromOrIn = [{ ALT: () => $.CONSUME(KW.FROM) }, { ALT: () => $.CONSUME(KW.IN) }];
  /** `FROM db` / `IN db`. */
  R.showFrom = $.RULE('showFrom', () => {
    $.OR(fromOrIn);
    $.CONSUME(T.Name, { LABEL: 'database' });
  });
  const indexWords = [{ ALT: () => $.CONSUME(KW.INDEX) }, { ALT: () => $.CONSUME(KW.INDEXES) }, { ALT: () => $.CONSUME(KW.KEYS) }];
  const routineWords = [{ ALT: () => $.CONSUME(KW.PROCEDURE) }, { ALT: () => $.CONSUME(KW.FUNCTION) }];
  const listWords = [{ ALT: () => $.CONSUME(KW.TRIGGERS) }, { ALT: () => $.CONSUME(KW.EVENTS) }];
  const charsetWords = [
    {
      ALT: () => {
        $.CONSUME(KW.CHARACTER);
        $.CONSUME(KW.SET);
      },
    },
    { ALT: () => $.CONSUME(KW.CHARSET) },
  ];
  const showBrowseAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.TABLE);
        $.CONSUME(KW.STATUS);
        $.OPTION(() => $.SUBRULE(R.showFrom));
        $.OPTION1(() => $.SUBRULE(R.showFilter));
      },
    },
    {
      ALT: () => {
        $.OR1(indexWords);
        $.OR2(fromOrIn);
        $.SUBRULE(R.tableName);
        $.OPTION2(() => $.SUBRULE1(R.showFrom));
        $.OPTION3(() => {
          $.CONSUME(KW.WHERE);
          $.SUBRULE(R.expression);
        });
      },
    },
    { ALT: () => $.SUBRULE(R.showCreate) },
    {
      ALT: () => {
        $.CONSUME(KW.GRANTS);
        $.OPTION4(() => {
          $.CONSUME(KW.FOR);
          $.SUBRULE(R.userSpec);
        });
      },
    },
    {
      ALT: () => {
        $.OPTION5(() => $.CONSUME(KW.STORAGE));
        $.CONSUME(KW.ENGINES);
      },
    },
    {
      ALT: () => {
        $.OR4(charsetWords);
        $.OPTION6(() => $.SUBRULE1(R.showFilter));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.COLLATION);
        $.OPTION7(() => $.SUBRULE2(R.showFilter));
      },
    },
    {
      ALT: () => {
        $.OR5(routineWords);
        $.CONSUME1(KW.STATUS);
        $.OPTION8(() => $.SUBRULE3(R.showFilter));
      },
    },
    {
      ALT: () => {
        $.OR6(listWords);
        $.OPTION9(() => $.SUBRULE2(R.showFrom));
        $.MANY(() => $.SUBRULE4(R.showFilter));
      },
    },
    { ALT: () => $.CONSUME(KW.PLUGINS) },
    {
      ALT: () => {
        $.CONSUME(KW.MASTER);
        $.CONSUME2(KW.STATUS);
      },
    },
  ];
  /** The SHOW statements GUI tools and dump tools send; SHOW itself is consumed by showStatement. */
  R.showBrowse = $.RULE('showBrowse', () => {
    $.OR(showBrowseAlternatives);
  });

  const showCreateAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.TABLE);
        $.SUBRULE(R.tableName);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.VIEW);
        $.SUBRULE1(R.tableName);
      },
    },
    {
      ALT: () => {
        $.OR1([{ ALT: () => $.CONSUME(KW.DATABASE) }, { ALT: () => $.CONSUME(KW.SCHEMA) }]);
        $.OPTION(() => {
          $.CONSUME(KW.IF);
          $.CONSUME(KW.NOT);
          $.CONSUME(KW.EXISTS);
        });
        $.CONSUME(T.Name, { LABEL: 'database' });
      },
    },
  ];
  /** SHOW CREATE TABLE t, SHOW CREATE VIEW v, SHOW CREATE DATABASE [IF NOT EXISTS] db. */
  R.showCreate = $.RULE('showCreate', () => {
    $.CONSUME(KW.CREATE);
    $.OR(showCreateAlternatives);
  });

  const userSpecAlternatives = [{ ALT: () => $.CONSUME(T.StringLiteral) }, { ALT: () => $.CONSUME(T.Name) }];
  /** `'user'@'host'`, `user@host`, `user`, `CURRENT_USER`, `CURRENT_USER()`. */
  R.userSpec = $.RULE('userSpec', () => {
    $.OR(userSpecAlternatives);
    $.OPTION(() => $.CONSUME(T.UserVariableToken, { LABEL: 'host' }));
    $.OPTION1(() => {
      $.CONSUME(T.LParen);
      $.CONSUME(T.RParen);
    });
  });

  const lockModeAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.READ);
        $.OPTION2(() => $.CONSUME(KW.LOCAL));
      },
    },
    {
      ALT: () => {
        $.OPTION3(() => $.CONSUME(KW.LOW_PRIORITY));
        $.CONSUME(KW.WRITE);
      },
    },
  ];
  /** One `t [[AS] alias] READ [LOCAL] | [LOW_PRIORITY] WRITE` of LOCK TABLES. */
  R.lockItem = $.RULE('lockItem', () => {
    $.SUBRULE(R.tableName);
    $.OPTION(() => {
      $.OPTION1(() => $.CONSUME(KW.AS));
      $.CONSUME(T.Name, { LABEL: 'alias' });
    });
    $.OR(lockModeAlternatives);
  });

  const tablesWord = [{ ALT: () => $.CONSUME(KW.TABLES) }, { ALT: () => $.CONSUME(KW.TABLE) }];
  const tablesWord1 = [{ ALT: () => $.CONSUME1(KW.TABLES) }, { ALT: () => $.CONSUME1(KW.TABLE) }];
  const lockStatementAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.LOCK);
        $.OR1(tablesWord);
        $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.lockItem) });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.UNLOCK);
        $.OR2(tablesWord1);
      },
    },
  ];
  /** LOCK TABLES … / UNLOCK TABLES (mariadb-dump without --single-transaction). */
  R.lockStatement = $.RULE('lockStatement', () => {
    $.OR(lockStatementAlternatives);
  });
}
