/**
 * Tenant and resource statements tools send around restores (clients.md §7): CREATE / DROP TENANT and
 * CREATE / DROP RESOURCE UNIT / POOL, with OceanBase's `name [=] value` option lists.
 */
import type { Dsl, Rules } from './runtime/dsl.js';
import * as T from './tokens.js';

const { KW } = T;

export function defineTenantRules($: Dsl, R: Rules): void {
  const createUnitOrPool = [{ ALT: () => $.CONSUME(KW.UNIT, { LABEL: 'what' }) }, { ALT: () => $.CONSUME(KW.POOL, { LABEL: 'what' }) }];
  const createStatementAlternatives = [
    { ALT: () => $.SUBRULE(R.createDatabase) },
    { ALT: () => $.SUBRULE(R.createTable) },
    {
      ALT: () => {
        $.CONSUME(KW.TENANT);
        $.OPTION(() => $.SUBRULE(R.ifNotExists));
        $.CONSUME(T.Name);
        $.SUBRULE(R.optionList);
        $.OPTION1(() => {
          $.CONSUME(KW.SET);
          $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => $.SUBRULE(R.tenantVariable) });
        });
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RESOURCE);
        $.OR1(createUnitOrPool);
        $.OPTION2(() => $.SUBRULE1(R.ifNotExists));
        $.CONSUME1(T.Name);
        $.SUBRULE1(R.optionList);
      },
    },
  ];
  R.createStatement = $.RULE('createStatement', () => {
    $.CONSUME(KW.CREATE);
    $.OR(createStatementAlternatives);
  });

  R.ifNotExists = $.RULE('ifNotExists', () => {
    $.CONSUME(KW.IF);
    $.CONSUME(KW.NOT);
    $.CONSUME(KW.EXISTS);
  });

  /** `name [=] value` items; OceanBase separates them with commas, which are optional here. */
  R.optionList = $.RULE('optionList', () => {
    $.MANY(() => {
      $.OPTION(() => $.CONSUME(T.Comma));
      $.SUBRULE(R.namedOption);
    });
  });

  R.namedOption = $.RULE('namedOption', () => {
    $.CONSUME(T.Name);
    $.OPTION(() => $.CONSUME(T.Equals));
    $.SUBRULE(R.optionValue);
  });

  /** The trailing `SET var = value` of CREATE TENANT (the `=` is required there). */
  R.tenantVariable = $.RULE('tenantVariable', () => {
    $.CONSUME(T.Name);
    $.CONSUME(T.Equals);
    $.SUBRULE(R.optionValue);
  });

  const forceOrPurge = [{ ALT: () => $.CONSUME(KW.FORCE) }, { ALT: () => $.CONSUME(KW.PURGE) }];
  const dropUnitOrPool = [{ ALT: () => $.CONSUME(KW.UNIT, { LABEL: 'what' }) }, { ALT: () => $.CONSUME(KW.POOL, { LABEL: 'what' }) }];
  const dropStatementAlternatives = [
    { ALT: () => $.SUBRULE(R.dropDatabase) },
    { ALT: () => $.SUBRULE(R.dropTable) },
    {
      ALT: () => {
        $.CONSUME(KW.TENANT);
        $.OPTION(() => $.SUBRULE(R.ifExists));
        $.CONSUME(T.Name);
        $.OPTION1(() => $.OR1(forceOrPurge));
      },
    },
    {
      ALT: () => {
        $.CONSUME(KW.RESOURCE);
        $.OR2(dropUnitOrPool);
        $.OPTION2(() => $.SUBRULE1(R.ifExists));
        $.CONSUME1(T.Name);
      },
    },
  ];
  R.dropStatement = $.RULE('dropStatement', () => {
    $.CONSUME(KW.DROP);
    $.OR(dropStatementAlternatives);
  });

  R.ifExists = $.RULE('ifExists', () => {
    $.CONSUME(KW.IF);
    $.CONSUME(KW.EXISTS);
  });
}
