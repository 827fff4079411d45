/**
 * ALTER SYSTEM: archive, backup, cancel, clean, delete policy, backup key, restore, recover table, standby,
 * upgrade job and parameter statements (statements.md §3–4, clients.md §5 and §7). The shared prefix is factored
 * so one token after ALTER SYSTEM picks the branch.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineBackupRules($: Dsl, R: Rules): void {
  const alterSystemCommands = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        GATE: () => $.LA(1).tokenType === KW.SET || $.LA(2).tokenType === T.Equals,
        ALT: () => $.SUBRULE(R.setParameters),
      },
      { ALT: () => $.SUBRULE(R.archiveLog) },
      { ALT: () => $.SUBRULE(R.backup) },
      { ALT: () => $.SUBRULE(R.cancel) },
      { ALT: () => $.SUBRULE(R.suspendResume) },
      { ALT: () => $.SUBRULE(R.validate) },
      { ALT: () => $.SUBRULE(R.deleteBackup) },
      { ALT: () => $.SUBRULE(R.addStatement) },
      { ALT: () => $.SUBRULE(R.dropPolicy) },
      { ALT: () => $.SUBRULE(R.clearRestoreSource) },
      { ALT: () => $.SUBRULE(R.restore) },
      { ALT: () => $.SUBRULE(R.recover) },
      { ALT: () => $.SUBRULE(R.activateStandby) },
      { ALT: () => $.SUBRULE(R.switchover) },
      { ALT: () => $.SUBRULE(R.runUpgradeJob) },
    ],
  };
  const alterStatementAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.SYSTEM);
        // `SET` is optional before parameters, so `ALTER SYSTEM backup = 1` shares its first token with
        // `ALTER SYSTEM BACKUP`: the parameter branch is tried first and only when SET or `name =` starts it.
        $.OR1(alterSystemCommands);
      },
    },
    { ALT: () => $.SUBRULE(R.alterEmulator) },
    { ALT: () => $.SUBRULE(R.alterTable) },
  ];
  /** ALTER SYSTEM … and ALTER EMULATOR …; the ALTER SYSTEM choice is inline (one rule call less per statement). */
  R.alterStatement = $.RULE('alterStatement', () => {
    $.CONSUME(KW.ALTER);
    $.OR(alterStatementAlternatives);
  });

  const archiveLogAlternatives = [{ ALT: () => $.CONSUME(KW.ARCHIVELOG) }, { ALT: () => $.CONSUME(KW.NOARCHIVELOG) }];
  /** ARCHIVELOG | NOARCHIVELOG [TENANT [=] list] [DESCRIPTION [=] 'text']. */
  R.archiveLog = $.RULE('archiveLog', () => {
    $.OR(archiveLogAlternatives);
    $.OPTION(() => $.SUBRULE(R.tenantList));
    $.OPTION1(() => $.SUBRULE(R.description));
  });

  const databaseOrTenants = [{ ALT: () => $.CONSUME(KW.DATABASE) }, { ALT: () => $.SUBRULE1(R.tenantList) }];
  const backupAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.KEY);
        $.OPTION(() => $.SUBRULE(R.tenantList));
        $.OPTION1(() => $.SUBRULE(R.backupTo));
        $.OPTION2(() => $.SUBRULE(R.encryptedBy));
      },
    },
    {
      ALT: () => {
        $.OPTION3(() => $.CONSUME(KW.INCREMENTAL));
        $.OPTION4(() => $.OR1(databaseOrTenants));
        $.OPTION5(() => $.SUBRULE1(R.backupTo));
        $.OPTION6(() => {
          $.CONSUME(KW.PLUS);
          $.CONSUME(KW.ARCHIVELOG);
        });
        $.OPTION7(() => $.SUBRULE(R.description));
      },
    },
  ];
  /**
   * BACKUP KEY [TENANT list] [TO [=] 'dest'] [ENCRYPTED BY 'pwd'], or BACKUP [INCREMENTAL] [DATABASE | TENANT
   * list] [TO [=] 'dest'] [PLUS ARCHIVELOG] [DESCRIPTION [=] 'text'] (the clause order is fixed).
   */
  R.backup = $.RULE('backup', () => {
    $.CONSUME(KW.BACKUP);
    $.OR(backupAlternatives);
  });

  R.backupTo = $.RULE('backupTo', () => {
    $.CONSUME(KW.TO);
    $.OPTION(() => $.CONSUME(T.Equals));
    $.CONSUME(T.StringLiteral);
  });

  R.encryptedBy = $.RULE('encryptedBy', () => {
    $.CONSUME(KW.ENCRYPTED);
    $.CONSUME(KW.BY);
    $.CONSUME(T.StringLiteral);
  });

  R.description = $.RULE('description', () => {
    $.CONSUME(KW.DESCRIPTION);
    $.OPTION(() => $.CONSUME(T.Equals));
    $.CONSUME(T.StringLiteral);
  });

  /** TENANT [=] name {, name}: names, strings, or ALL (TENANT=ALL is what KubeBlocks sends). */
  R.tenantList = $.RULE('tenantList', () => {
    $.CONSUME(KW.TENANT);
    $.OPTION(() => $.CONSUME(T.Equals));
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tenantName) });
  });

  /** TENANT [=] one name. */
  R.tenantClause = $.RULE('tenantClause', () => {
    $.CONSUME(KW.TENANT);
    $.OPTION(() => $.CONSUME(T.Equals));
    $.SUBRULE(R.tenantName);
  });

  const tenantNameAlternatives = [{ ALT: () => $.CONSUME(T.Name) }, { ALT: () => $.CONSUME(T.StringLiteral) }, { ALT: () => $.CONSUME(KW.ALL) }];
  R.tenantName = $.RULE('tenantName', () => {
    $.OR(tenantNameAlternatives);
  });

  R.copyId = $.RULE('copyId', () => {
    $.CONSUME(KW.COPY);
    $.CONSUME(T.IntegerLiteral);
  });

  const cancelBackupTargets = [
    { ALT: () => $.CONSUME(KW.BACKUPSET) },
    { ALT: () => $.CONSUME(KW.BACKUPPIECE) },
    { ALT: () => $.SUBRULE(R.tenantList) },
  ];
  const cancelAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.BACKUP);
        $.OPTION(() =>
          $.OR1(cancelBackupTargets),
        );
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.DELETE);
        $.CONSUME1(KW.BACKUP);
        $.OPTION1(() => $.SUBRULE1(R.tenantList));
        $.OPTION2(() => $.SUBRULE(R.description));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RESTORE);
        $.CONSUME(T.Name, { LABEL: 'tenant' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RECOVER);
        $.CONSUME(KW.TABLE);
        $.CONSUME1(T.Name, { LABEL: 'tenant' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.VALIDATE);
        $.CONSUME(T.IntegerLiteral);
        $.OPTION3(() => $.SUBRULE(R.copyId));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.ALL);
        $.CONSUME2(KW.BACKUP);
        $.CONSUME(KW.FORCE);
      },
    },
  ];
  /** The T_BACKUP_MANAGE cancel forms, CANCEL DELETE BACKUP, CANCEL RESTORE and CANCEL RECOVER TABLE. */
  R.cancel = $.RULE('cancel', () => {
    $.CONSUME(KW.CANCEL);
    $.OR(cancelAlternatives);
  });

  const suspendResumeAlternatives = [{ ALT: () => $.CONSUME(KW.SUSPEND) }, { ALT: () => $.CONSUME(KW.RESUME) }];
  R.suspendResume = $.RULE('suspendResume', () => {
    $.OR(suspendResumeAlternatives);
    $.CONSUME(KW.BACKUP);
  });

  const validateAlternatives = [
    { ALT: () => $.CONSUME(KW.DATABASE) },
    {
      ALT: () => {
        $.CONSUME(KW.BACKUPSET);
        $.CONSUME(T.IntegerLiteral);
      },
    },
  ];
  /** VALIDATE DATABASE [COPY n] | VALIDATE BACKUPSET n [COPY n]. */
  R.validate = $.RULE('validate', () => {
    $.CONSUME(KW.VALIDATE);
    $.OR(validateAlternatives);
    $.OPTION(() => $.SUBRULE(R.copyId));
  });

  const backupSetOrPiece = [{ ALT: () => $.CONSUME(KW.BACKUPSET) }, { ALT: () => $.CONSUME(KW.BACKUPPIECE) }];
  const deleteBackupAlternatives = [
    {
      ALT: () => {
        $.OR1(backupSetOrPiece);
        $.OPTION(() => $.CONSUME(T.Equals));
        $.CONSUME(T.IntegerLiteral);
        $.OPTION1(() => $.SUBRULE(R.copyId));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.OBSOLETE);
        $.CONSUME(KW.BACKUP);
      },
    },
  ];
  /** DELETE BACKUPSET n | BACKUPPIECE n [COPY n] | OBSOLETE BACKUP, then [TENANT list] [DESCRIPTION]. */
  R.deleteBackup = $.RULE('deleteBackup', () => {
    $.CONSUME(KW.DELETE);
    $.OR(deleteBackupAlternatives);
    $.OPTION2(() => $.SUBRULE(R.tenantList));
    $.OPTION3(() => $.SUBRULE(R.description));
  });

  const addStatementAlternatives = [
    {
      ALT: () => {
        $.SUBRULE(R.policyName);
        $.OPTION(() => {
          $.CONSUME(KW.RECOVERY_WINDOW);
          $.OPTION1(() => $.CONSUME(T.Equals));
          $.CONSUME(T.StringLiteral, { LABEL: 'recoveryWindow' });
        });
        $.OPTION2(() => {
          $.CONSUME(KW.REDUNDANCY);
          $.OPTION3(() => $.CONSUME1(T.Equals));
          $.CONSUME(T.IntegerLiteral, { LABEL: 'redundancy' });
        });
        $.OPTION4(() => {
          $.CONSUME(KW.BACKUP_COPIES);
          $.OPTION5(() => $.CONSUME2(T.Equals));
          $.CONSUME1(T.IntegerLiteral, { LABEL: 'backupCopies' });
        });
        $.OPTION6(() => $.SUBRULE(R.tenantList));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RESTORE);
        $.CONSUME(KW.SOURCE);
        $.CONSUME1(T.StringLiteral, { LABEL: 'uri' });
      },
    },
  ];
  /** ADD DELETE BACKUP POLICY … | ADD RESTORE SOURCE 'uri'. */
  R.addStatement = $.RULE('addStatement', () => {
    $.CONSUME(KW.ADD);
    $.OR(addStatementAlternatives);
  });

  /** DELETE BACKUP POLICY [=] 'name'. */
  R.policyName = $.RULE('policyName', () => {
    $.CONSUME(KW.DELETE);
    $.CONSUME(KW.BACKUP);
    $.CONSUME(KW.POLICY);
    $.OPTION(() => $.CONSUME(T.Equals));
    $.CONSUME(T.StringLiteral);
  });

  R.dropPolicy = $.RULE('dropPolicy', () => {
    $.CONSUME(KW.DROP);
    $.SUBRULE(R.policyName);
    $.OPTION(() => $.SUBRULE(R.tenantList));
  });

  R.clearRestoreSource = $.RULE('clearRestoreSource', () => {
    $.CONSUME(KW.CLEAR);
    $.CONSUME(KW.RESTORE);
    $.CONSUME(KW.SOURCE);
  });

  R.setParameters = $.RULE('setParameters', () => {
    $.OPTION(() => $.CONSUME(KW.SET));
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.parameterItem) });
  });

  const parameterItemAlternatives = [
    { ALT: () => $.CONSUME(KW.MEMORY, { LABEL: 'scope' }) },
    { ALT: () => $.CONSUME(KW.SPFILE, { LABEL: 'scope' }) },
    { ALT: () => $.CONSUME(KW.BOTH, { LABEL: 'scope' }) },
  ];
  const serverOrZone = [
    {
      ALT: () => {
        $.CONSUME(KW.SERVER);
        $.OPTION4(() => $.CONSUME3(T.Equals));
        $.CONSUME1(T.StringLiteral, { LABEL: 'server' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.ZONE);
        $.OPTION5(() => $.CONSUME4(T.Equals));
        $.SUBRULE(R.tenantName, { LABEL: 'zone' });
      },
    },
  ];
  /** p = v [COMMENT 'c'] [SCOPE = MEMORY|SPFILE|BOTH] [SERVER [=] 'ip:port' | ZONE [=] z] [TENANT [=] t]. */
  R.parameterItem = $.RULE('parameterItem', () => {
    $.CONSUME(T.Name);
    $.CONSUME(T.Equals);
    $.SUBRULE(R.optionValue);
    $.OPTION(() => {
      $.CONSUME(KW.COMMENT);
      $.OPTION1(() => $.CONSUME1(T.Equals));
      $.CONSUME(T.StringLiteral, { LABEL: 'comment' });
    });
    $.OPTION2(() => {
      $.CONSUME(KW.SCOPE);
      $.CONSUME2(T.Equals);
      $.OR(parameterItemAlternatives);
    });
    $.OPTION3(() => {
      $.OR1(serverOrZone);
    });
    $.OPTION6(() => $.SUBRULE(R.tenantClause));
  });

  const optionValueAlternatives = [
    { ALT: () => $.CONSUME(T.StringLiteral) },
    {
      ALT: () => {
        $.OPTION(() => $.CONSUME(T.Minus));
        $.CONSUME(T.NumberLiteral);
      },
    },
    { ALT: () => $.CONSUME(T.Name) },
    { ALT: () => $.CONSUME(KW.TRUE) },
    { ALT: () => $.CONSUME(KW.FALSE) },
    { ALT: () => $.CONSUME(KW.ON) },
    {
      ALT: () => {
        $.CONSUME(T.LParen);
        $.MANY_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.optionValue) });
        $.CONSUME(T.RParen);
      },
    },
  ];
  /** A parameter or option value: 'text', a number (signed), a word, or a parenthesised list. */
  R.optionValue = $.RULE('optionValue', () => {
    $.OR(optionValueAlternatives);
  });
}
