/**
 * The emulator's own control statements (emulator.md "Control statements"): ALTER EMULATOR … and SHOW EMULATOR
 * STATUS. They are ours, not OceanBase's, so they live apart from the OceanBase grammar; both start with the word
 * EMULATOR after ALTER / SHOW, so they can never be mistaken for OceanBase syntax.
 */
import type { Dsl, Rules } from './dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineControlRules($: Dsl, R: Rules): void {
  const alterEmulatorAlternatives1 = [
    { ALT: () => $.CONSUME(KW.SECONDS, { LABEL: 'unit' }) },
    { ALT: () => $.CONSUME(KW.MINUTES, { LABEL: 'unit' }) },
    { ALT: () => $.CONSUME(KW.HOURS, { LABEL: 'unit' }) },
    { ALT: () => $.CONSUME(KW.DAYS, { LABEL: 'unit' }) },
  ];
  const alterEmulatorAlternatives3 = [
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
  const alterEmulatorAlternatives2 = [
    {
      ALT: () => {
        $.CONSUME(KW.CLOCK);
        $.OR3(alterEmulatorAlternatives3);
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
        $.OR1(alterEmulatorAlternatives1);
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.SET);
        $.OR2(alterEmulatorAlternatives2);
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
  ];
  /** After ALTER: EMULATOR ADVANCE TIME … | SET CLOCK … | SET WRITE RATE … | WRITE n MACROBLOCKS … | RESET. */
  R.alterEmulator = $.RULE('alterEmulator', () => {
    $.CONSUME(KW.EMULATOR);
    $.OR(alterEmulatorAlternatives);
  });

  /** After SHOW: EMULATOR STATUS. */
  R.showEmulator = $.RULE('showEmulator', () => {
    $.CONSUME(KW.EMULATOR);
    $.CONSUME(KW.STATUS);
  });
}
