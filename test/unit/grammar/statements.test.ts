/**
 * The statement table: every valid statement parses to its expected AST (in the case written, in lower case and
 * in upper case), prints back to SQL that parses to the same AST, and every invalid one fails where OceanBase's
 * 1064 would point.
 */
import { describe, expect, it } from 'vitest';
import { parse, print } from '../../../grammar/index.js';
import { backupCases } from './cases-backup.js';
import { invalidCases } from './cases-invalid.js';
import { queryCases } from './cases-query.js';

const validCases = [...backupCases, ...queryCases];

function parseOk(sql: string) {
  const result = parse(sql);
  expect(result.error, sql).toBeNull();
  expect(result.statements, sql).toHaveLength(1);
  return result.statements[0]!.ast;
}

describe('valid statements', () => {
  it('the table holds at least 150 statements', () => {
    expect(validCases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(validCases)('%s', (sql, expected) => {
    expect(parseOk(sql)).toEqual(expected);
  });

  it.each(validCases)('in lower and upper case: %s', (sql, expected) => {
    expect(parseOk(sql.toLowerCase()).kind).toBe(expected.kind);
    expect(parseOk(sql.toUpperCase()).kind).toBe(expected.kind);
  });

  it.each(validCases)('round trip: %s', (sql) => {
    const ast = parseOk(sql);
    const printed = print(ast);
    expect(parseOk(printed), printed).toEqual(ast);
  });
});

describe('invalid statements', () => {
  it('the table holds at least 50 statements', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(invalidCases)('%s', (sql, where) => {
    const result = parse(sql);
    expect(result.statements).toEqual([]);
    expect(result.error).toMatchObject({ kind: 'SyntaxError', ...where });
  });
});
