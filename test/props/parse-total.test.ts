/**
 * parse is total: any input gives statements or a 1064 value, never an exception, and hostile inputs (a megabyte
 * of `(`, NUL bytes, lone surrogates, unterminated strings and comments, 100,000 statements) finish.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAREN_DEPTH, parse } from '../../grammar/index.js';
import { parseSql } from '../../src/sql/parse.js';

describe('parse never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = parse(s);
        expect(r.error === null || r.error.kind === 'SyntaxError').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on strings built from SQL pieces', () => {
    const piece = fc.constantFrom('SELECT', 'FROM', 'ALTER', 'SYSTEM', 'BACKUP', '(', ')', "'", '"', '`', ';', '--', '/*', '*/', '#', '\n', ' ', 'a', '1', ',', '=', '?', '@', '@@', '.', '*', 'TENANT', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const r = parse(parts.join(' '));
        expect(r.error === null || typeof r.error.line === 'number').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bad input gives a 1064 value, bounded', () => {
  it('a megabyte of ( alone is a 1064 where the nesting limit is reached (a query may begin with a parenthesis)', () => {
    const r = parseSql('('.repeat(1 << 20));
    expect(r.error?.errno).toBe(1064);
    expect(r.error?.column).toBe(MAX_PAREN_DEPTH + 1);
  });

  it('SELECT with a megabyte of ( behind it', () => {
    const r = parse(`SELECT ${'('.repeat(1 << 20)}1`);
    expect(r.error?.offset).toBe(7 + MAX_PAREN_DEPTH);
  });

  it('nesting up to the limit parses', () => {
    const r = parse(`SELECT ${'('.repeat(MAX_PAREN_DEPTH)}1${')'.repeat(MAX_PAREN_DEPTH)}`);
    expect(r.error).toBeNull();
  });

  it('deep CASE nesting without parentheses is a value, not a crash', () => {
    const r = parse(`SELECT ${'CASE WHEN 1 THEN '.repeat(5000)}1${' END'.repeat(5000)}`);
    expect(r.error === null || r.error.kind === 'SyntaxError').toBe(true);
  });

  it('NUL bytes', () => {
    const r = parseSql('SELECT 1\0 FROM t');
    expect(r.error?.message).toBe(
      "You have an error in your SQL syntax; check the manual that corresponds to your OceanBase version for the right syntax to use near '\0 FROM t' at line 1",
    );
  });

  it('NUL bytes inside a string are data', () => {
    expect(parse("SELECT 'a\0b'").statements[0]?.ast).toMatchObject({ items: [{ expr: { kind: 'StringLiteral', value: 'a\0b' } }] });
  });

  it('lone surrogates and replacement characters', () => {
    expect(parse('SELECT \udc00').error?.near).toBe('\udc00');
    expect(parse('SELECT \ufffd').error).toBeNull();
    expect(parse("SELECT '\ud800'").error).toBeNull();
  });

  it('unterminated strings, identifiers and comments', () => {
    expect(parse("SELECT 'abc; SELECT 2").error?.near).toBe("'abc; SELECT 2");
    expect(parse('SELECT "abc').error?.near).toBe('"abc');
    expect(parse('SELECT `abc').error?.near).toBe('`abc');
    expect(parse('SELECT 1 /* x; SELECT 2').error?.near).toBe('/* x; SELECT 2');
    expect(parse("SELECT 'it\\'s").error?.near).toBe("'it\\'s");
  });

  it('an earlier syntax error wins over a later unterminated string', () => {
    expect(parse("SELECT FROM 'abc").error?.near).toBe("FROM 'abc");
  });

  it('100,000 statements in one script', () => {
    const script = 'SELECT 1;'.repeat(100_000);
    const r = parse(script);
    expect(r.error).toBeNull();
    expect(r.statements).toHaveLength(100_000);
  });

  it('a syntax error in statement 3 keeps statements 1 and 2', () => {
    const r = parse("SET ENCRYPTION ON IDENTIFIED BY 'p' ONLY; ALTER SYSTEM BACKUP DATABASE;\nSELEC 1; SELECT 2");
    expect(r.statements.map((s) => s.ast.kind)).toEqual(['SetEncryption', 'BackupDatabase']);
    expect(r.statements.map((s) => s.text)).toEqual(["SET ENCRYPTION ON IDENTIFIED BY 'p' ONLY", 'ALTER SYSTEM BACKUP DATABASE']);
    expect(r.error).toMatchObject({ near: 'SELEC 1', line: 2, column: 1, statement: 'SELEC 1' });
  });

  it('empty statements, a trailing ; and leading spaces', () => {
    expect(parse('  ;; SELECT 1 ;; ;').statements).toHaveLength(1);
    expect(parse('').statements).toHaveLength(0);
    expect(parse('-- only a comment\n').error).toBeNull();
  });
});
