/**
 * The restore family (statements.md §3.7) and the standby / upgrade statements tools send around backups
 * (clients.md §7): RESTORE [PREVIEW], RECOVER TABLE, RECOVER STANDBY, ACTIVATE STANDBY, SWITCHOVER, RUN UPGRADE JOB.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineRestoreRules($: Dsl, R: Rules): void {
  const restoreAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.FROM);
        $.CONSUME(T.StringLiteral, { LABEL: 'from' });
        $.OPTION(() => $.SUBRULE(R.restoreUntil));
        $.CONSUME(KW.PREVIEW);
      },
    },
    {
      ALT: () => {
        $.CONSUME(T.Name, { LABEL: 'tenant' });
        $.OPTION1(() => {
          $.CONSUME1(KW.FROM);
          $.CONSUME1(T.StringLiteral, { LABEL: 'from' });
        });
        $.OPTION2(() => $.SUBRULE1(R.restoreUntil));
        $.SUBRULE(R.restoreWith);
        $.OPTION3(() => $.SUBRULE(R.description));
      },
    },
  ];
  /**
   * RESTORE FROM 'uri' [UNTIL …] PREVIEW, or RESTORE tenant [FROM 'uri'] [UNTIL …] WITH 'option'
   * [ENCRYPTED BY 'key'] [WITH KEY FROM 'path' [ENCRYPTED BY 'pwd']] [DESCRIPTION [=] 'text'].
   */
  R.restore = $.RULE('restore', () => {
    $.CONSUME(KW.RESTORE);
    $.OR(restoreAlternatives);
  });

  /** The shared tail of RESTORE and RECOVER TABLE from WITH 'option' on, up to the optional remaps. */
  R.restoreWith = $.RULE('restoreWith', () => {
    $.CONSUME(KW.WITH);
    $.CONSUME(T.StringLiteral, { LABEL: 'options' });
    $.OPTION(() => $.SUBRULE(R.encryptedBy));
    $.OPTION1(() => {
      $.CONSUME1(KW.WITH);
      $.CONSUME(KW.KEY);
      $.CONSUME(KW.FROM);
      $.CONSUME1(T.StringLiteral, { LABEL: 'keyPath' });
      $.OPTION2(() => $.SUBRULE1(R.encryptedBy, { LABEL: 'keyEncryptedBy' }));
    });
  });

  /** UNTIL TIME = 'datetime' | UNTIL SCN = n (the `=` is mandatory; tools quote the SCN too). */
  R.restoreUntil = $.RULE('restoreUntil', () => {
    $.CONSUME(KW.UNTIL);
    $.SUBRULE(R.untilPoint);
  });

  const scnValue = [
    { ALT: () => $.CONSUME(T.IntegerLiteral, { LABEL: 'scn' }) },
    { ALT: () => $.CONSUME1(T.StringLiteral, { LABEL: 'scn' }) },
  ];
  const untilPointAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.TIME);
        $.CONSUME(T.Equals);
        $.CONSUME(T.StringLiteral, { LABEL: 'time' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.SCN);
        $.CONSUME1(T.Equals);
        $.OR1(scnValue);
      },
    },
  ];
  R.untilPoint = $.RULE('untilPoint', () => {
    $.OR(untilPointAlternatives);
  });

  const recoverAlternatives = [{ ALT: () => $.SUBRULE(R.recoverTable) }, { ALT: () => $.SUBRULE(R.recoverStandby) }];
  R.recover = $.RULE('recover', () => {
    $.CONSUME(KW.RECOVER);
    $.OR(recoverAlternatives);
  });

  /**
   * TABLE list TO tenant [FROM 'uri'] [UNTIL …] WITH 'option' [ENCRYPTED BY …] [WITH KEY FROM …] [REMAP …]
   * [DESCRIPTION …]. `TO tenant` is not optional in the 4.2 grammar (opt_recover_tenant has no empty branch).
   */
  R.recoverTable = $.RULE('recoverTable', () => {
    $.CONSUME(KW.TABLE);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.recoverTableName) });
    $.CONSUME(KW.TO);
    $.CONSUME(T.Name, { LABEL: 'tenant' });
    $.OPTION(() => {
      $.CONSUME(KW.FROM);
      $.CONSUME(T.StringLiteral, { LABEL: 'from' });
    });
    $.OPTION1(() => $.SUBRULE(R.restoreUntil));
    $.SUBRULE(R.restoreWith);
    $.MANY(() => $.SUBRULE(R.remapClause));
    $.OPTION2(() => $.SUBRULE(R.description));
  });

  const starOrTable = [{ ALT: () => $.CONSUME2(T.Star) }, { ALT: () => $.CONSUME1(T.Name) }];
  const recoverTableNameAlternatives = [
    {
      ALT: () => {
        $.CONSUME(T.Star);
        $.CONSUME(T.Dot);
        $.CONSUME1(T.Star);
      },
    },
    {
      ALT: () => {
        $.CONSUME(T.Name);
        $.CONSUME1(T.Dot);
        $.OR1(starOrTable);
      },
    },
  ];
  /** `*.*`, `db.*` or `db.table`. */
  R.recoverTableName = $.RULE('recoverTableName', () => {
    $.OR(recoverTableNameAlternatives);
  });

  const remapClauseAlternatives = [
    { ALT: () => $.CONSUME(KW.TABLE, { LABEL: 'what' }) },
    { ALT: () => $.CONSUME(KW.TABLEGROUP, { LABEL: 'what' }) },
    { ALT: () => $.CONSUME(KW.TABLESPACE, { LABEL: 'what' }) },
  ];
  /** REMAP TABLE|TABLEGROUP|TABLESPACE old[:new] {, old[:new]}. */
  R.remapClause = $.RULE('remapClause', () => {
    $.CONSUME(KW.REMAP);
    $.OR(remapClauseAlternatives);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.remapItem) });
  });

  R.remapItem = $.RULE('remapItem', () => {
    $.SUBRULE(R.remapName);
    $.OPTION(() => {
      $.CONSUME(T.Colon);
      $.SUBRULE1(R.remapName);
    });
  });

  const remapNameAlternatives = [{ ALT: () => $.CONSUME1(T.Name) }, { ALT: () => $.CONSUME(T.Star) }];
  R.remapName = $.RULE('remapName', () => {
    $.CONSUME(T.Name);
    $.MANY(() => {
      $.CONSUME(T.Dot);
      $.OR(remapNameAlternatives);
    });
  });

  const unlimitedOrUntil = [{ ALT: () => $.CONSUME(KW.UNLIMITED) }, { ALT: () => $.SUBRULE(R.untilPoint) }];
  const recoverStandbyAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.UNTIL);
        $.OR1(unlimitedOrUntil);
      },
    },
    { ALT: () => $.CONSUME(KW.CANCEL) },
  ];
  /** STANDBY [TENANT [=] t] [UNTIL {UNLIMITED | TIME = '…' | SCN = n} | CANCEL]. */
  R.recoverStandby = $.RULE('recoverStandby', () => {
    $.CONSUME(KW.STANDBY);
    $.OPTION(() => $.SUBRULE(R.tenantClause));
    $.OPTION1(() =>
      $.OR(recoverStandbyAlternatives),
    );
  });

  R.activateStandby = $.RULE('activateStandby', () => {
    $.CONSUME(KW.ACTIVATE);
    $.CONSUME(KW.STANDBY);
    $.OPTION(() => $.SUBRULE(R.tenantClause));
    $.OPTION1(() => $.CONSUME(KW.VERIFY));
  });

  const switchoverAlternatives = [{ ALT: () => $.CONSUME(KW.PRIMARY, { LABEL: 'role' }) }, { ALT: () => $.CONSUME(KW.STANDBY, { LABEL: 'role' }) }];
  R.switchover = $.RULE('switchover', () => {
    $.CONSUME(KW.SWITCHOVER);
    $.CONSUME(KW.TO);
    $.OR(switchoverAlternatives);
    $.OPTION(() => $.SUBRULE(R.tenantClause));
    $.OPTION1(() => $.CONSUME(KW.VERIFY));
  });

  R.runUpgradeJob = $.RULE('runUpgradeJob', () => {
    $.CONSUME(KW.RUN);
    $.CONSUME(KW.UPGRADE);
    $.CONSUME(KW.JOB);
    $.CONSUME(T.StringLiteral);
    $.OPTION(() => $.SUBRULE(R.tenantClause));
  });
}
