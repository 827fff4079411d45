/**
 * The emulator's own control statements (emulator.md "Control statements"): ALTER EMULATOR … and SHOW EMULATOR
 * STATUS. They are ours, not OceanBase's, so they live apart from the OceanBase grammar; both start with the word
 * EMULATOR after ALTER / SHOW, so they can never be mistaken for OceanBase syntax.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineControlRules($: Dsl, R: Rules): void {
  const timeUnit = [
    { ALT: () => $.CONSUME(KW.SECONDS, { LABEL: 'unit' }) },
    { ALT: () => $.CONSUME(KW.MINUTES, { LABEL: 'unit' }) },
    { ALT: () => $.CONSUME(KW.HOURS, { LABEL: 'unit' }) },
    { ALT: () => $.CONSUME(KW.DAYS, { LABEL: 'unit' }) },
  ];
  const clockMode = [
    { ALT: () => $.CONSUME(KW.MANUAL, { LABEL: 'mode' }) },
    {
      ALT: () => {
        $.CONSUME(KW.REALTIME, { LABEL: 'mode' });
        $.OPTION(() => {
          $.CONSUME(KW.SPEED);
          $.CONSUME1(T.NumberLiteral, { LABEL: 'speed' });
        });
      },
    },
  ];
  const clockOrWriteRate = [
    {
      ALT: () => {
        $.CONSUME(KW.CLOCK);
        $.OR3(clockMode);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.WRITE);
        $.CONSUME(KW.RATE);
        $.CONSUME2(T.NumberLiteral, { LABEL: 'rate' });
        $.CONSUME(KW.MB);
        $.CONSUME(KW.PER);
        $.CONSUME(KW.SECOND);
        $.OPTION1(() => $.SUBRULE(R.tenantClause));
      },
    },
  ];
  const alterEmulatorAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.ADVANCE);
        $.CONSUME(KW.TIME);
        $.CONSUME(T.NumberLiteral, { LABEL: 'amount' });
        $.OR1(timeUnit);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.SET);
        $.OR2(clockOrWriteRate);
      },
    },
    {
      ALT: () => {
        $.CONSUME1(KW.WRITE);
        $.CONSUME(T.IntegerLiteral, { LABEL: 'count' });
        $.CONSUME(KW.MACROBLOCKS);
        $.OPTION2(() => $.SUBRULE1(R.tenantClause));
      },
    },
    { ALT: () => $.CONSUME(KW.RESET) },
    { ALT: () => $.SUBRULE(R.injectFault) },
    {
      ALT: () => {
        $.OR5(snapshotActionAlternatives);
        $.CONSUME(KW.SNAPSHOT);
        $.CONSUME(T.StringLiteral, { LABEL: 'snapshotName' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.CLEAR);
        $.OR4(clearFaultAlternatives);
      },
    },
  ];
  const snapshotActionAlternatives = [
    { ALT: () => $.CONSUME(KW.SAVE, { LABEL: 'snapshotAction' }) },
    { ALT: () => $.CONSUME(KW.LOAD, { LABEL: 'snapshotAction' }) },
  ];
  const clearFaultAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.FAULT);
        $.CONSUME1(T.IntegerLiteral, { LABEL: 'faultId' });
      },
    },
    { ALT: () => $.CONSUME(KW.FAULTS) },
  ];
  /**
   * After ALTER: EMULATOR ADVANCE TIME … | SET CLOCK … | SET WRITE RATE … | WRITE n MACROBLOCKS … | RESET |
   * INJECT FAULT … | CLEAR FAULT id | CLEAR FAULTS | SAVE SNAPSHOT 'name' | LOAD SNAPSHOT 'name'.
   */
  R.alterEmulator = $.RULE('alterEmulator', () => {
    $.CONSUME(KW.EMULATOR);
    $.OR(alterEmulatorAlternatives);
  });

  const faultTargetAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.BACKUP, { LABEL: 'target' });
        $.OR1([
          { ALT: () => $.CONSUME(KW.DEST, { LABEL: 'target' }) },
          { ALT: () => $.CONSUME(KW.CLEAN, { LABEL: 'target' }) },
        ]);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.ARCHIVE, { LABEL: 'target' });
        $.CONSUME1(KW.DEST, { LABEL: 'target' });
      },
    },
    { ALT: () => $.CONSUME(KW.RESTORE, { LABEL: 'target' }) },
    { ALT: () => $.CONSUME(KW.SERVER, { LABEL: 'target' }) },
  ];
  const faultEffectAlternatives = [
    {
      ALT: () => {
        $.CONSUME(KW.ERROR, { LABEL: 'effect' });
        $.CONSUME(T.Equals);
        $.CONSUME(T.Name, { LABEL: 'errorName' });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.THROUGHPUT, { LABEL: 'effect' });
        $.CONSUME1(T.Equals);
        $.CONSUME(T.NumberLiteral, { LABEL: 'throughput' });
        $.CONSUME(KW.MB);
        $.CONSUME(KW.PER);
        $.CONSUME(KW.SECOND);
      },
    },
    { ALT: () => $.CONSUME(KW.DOWN, { LABEL: 'effect' }) },
  ];
  /** INJECT FAULT <target> [TENANT = name] <effect> [AFTER n unit] [FOR n unit] (emulator.md "Faults"). */
  R.injectFault = $.RULE('injectFault', () => {
    $.CONSUME(KW.INJECT);
    $.CONSUME(KW.FAULT);
    $.OR(faultTargetAlternatives);
    $.OPTION(() => $.SUBRULE(R.tenantClause));
    $.OR2(faultEffectAlternatives);
    $.OPTION1(() => {
      $.CONSUME(KW.AFTER);
      $.SUBRULE(R.emulatorSpan, { LABEL: 'after' });
    });
    $.OPTION2(() => {
      $.CONSUME(KW.FOR);
      $.SUBRULE1(R.emulatorSpan, { LABEL: 'for' });
    });
  });

  /** A span of virtual time: n SECONDS | MINUTES | HOURS | DAYS. */
  R.emulatorSpan = $.RULE('emulatorSpan', () => {
    $.CONSUME(T.NumberLiteral, { LABEL: 'amount' });
    $.OR(timeUnit);
  });

  /** After SHOW: EMULATOR STATUS | EMULATOR FAULTS. */
  R.showEmulator = $.RULE('showEmulator', () => {
    $.CONSUME(KW.EMULATOR);
    $.OR([{ ALT: () => $.CONSUME(KW.STATUS) }, { ALT: () => $.CONSUME(KW.FAULTS) }]);
  });
}
