/**
 * The shared parser takes its lookahead from grammar/runtime/generated-tables.ts instead of recording the grammar
 * (runtime/recorded-lookahead.ts). The table must be the grammar's own, and a parser built from it must read every
 * statement as a recording, validating parser does: the same CST, the same errors at the same tokens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObSqlParser, getParser } from '../../../grammar/parser.js';
import { RECORDED_LOOKAHEAD } from '../../../grammar/runtime/generated-tables.js';
import { installRecordedLookahead } from '../../../grammar/runtime/recorded-lookahead.js';
import { generatedTablesText } from '../../../grammar/runtime/tables-text.js';
import { splitStatements } from '../../../grammar/split.js';
import { tokenize, vocabulary } from '../../../grammar/tokens.js';
import { backupCases } from './cases-backup.js';
import { invalidCases } from './cases-invalid.js';
import { queryCases } from './cases-query.js';

function read(parser: ObSqlParser, text: string): unknown {
  const { tokens, errorAt } = tokenize(text);
  if (errorAt !== null) return { errorAt };
  parser.input = tokens;
  const cst = parser.rules.statement.call(parser);
  return { cst, errors: parser.errors.map((e) => ({ name: e.name, offset: e.token.startOffset })) };
}

describe('the recorded lookahead table', () => {
  it('is up to date, with the lexer table (regenerate: npm run grammar:gen)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', '..', 'grammar', 'runtime', 'generated-tables.ts'), 'utf8');
    expect(committed === generatedTablesText()).toBe(true);
  });

  it('builds the shared parser, which then holds no grammar record', () => {
    expect(getParser().recordsGrammar).toBe(false);
    expect(Object.keys(getParser().getGAstProductions())).toEqual([]);
    expect(new ObSqlParser('lazy').recordsGrammar).toBe(true);
  });

  it('reads every valid and invalid case exactly as the validating parser does', () => {
    const validating = new ObSqlParser('validate');
    const fromTable = new ObSqlParser('table');
    const texts = [...queryCases, ...backupCases, ...invalidCases].map(([sql]) => sql);
    let compared = 0;
    let failed = 0;
    for (const sql of texts) {
      for (const span of splitStatements(sql)) {
        if (!span.hasContent || span.problemAt !== null) continue;
        const text = sql.slice(span.start, span.end);
        const expected = read(validating, text);
        expect(read(fromTable, text), text).toEqual(expected);
        if ((expected as { errors?: unknown[] }).errors?.length) failed++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
    // The error paths (no viable alternative, early exit) are exercised, not only the successes.
    expect(failed).toBeGreaterThan(20);
  });

  it('is refused by a parser whose rules are not the ones it was recorded from', () => {
    const parser = new ObSqlParser('lazy');
    expect(installRecordedLookahead(parser, { ...RECORDED_LOOKAHEAD, rules: [...RECORDED_LOOKAHEAD.rules, 'anotherRule'] }, vocabulary)).toBe(false);
    expect(installRecordedLookahead(parser, { ...RECORDED_LOOKAHEAD, rules: RECORDED_LOOKAHEAD.rules.slice(1) }, vocabulary)).toBe(false);
  });
});
