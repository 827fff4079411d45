/**
 * The scenario parser and printer (STYLE.md §G): every fixture and part round-trips byte for byte, the records
 * read as written, and malformed files give a syntax error naming the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSyntaxError, parseScenario, printScenario, type ScenarioFile } from '../../../src/scenario/index.js';

const fixtures = resolve(import.meta.dirname, '../../../fixtures');

function allScenarioFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? allScenarioFiles(p) : /\.slt(\.part)?$/.test(p) ? [p] : [];
  });
}

function parsed(text: string): ScenarioFile {
  const file = parseScenario(text, 'x.slt');
  if (isSyntaxError(file)) throw new Error(`line ${file.line}: ${file.message}`);
  return file;
}

function syntaxError(text: string): { line: number; message: string } {
  const file = parseScenario(text, 'bad.slt');
  if (!isSyntaxError(file)) throw new Error('expected a syntax error');
  expect(file.path).toBe('bad.slt');
  return { line: file.line, message: file.message };
}

describe('round trip', () => {
  const files = allScenarioFiles(fixtures);
  it('covers every fixture and part', () => {
    expect(files.some((f) => f.endsWith('.slt.part'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.slt')).length).toBeGreaterThanOrEqual(10);
  });
  for (const file of files) {
    it(`prints ${file.slice(fixtures.length + 1)} back byte for byte`, () => {
      const text = readFileSync(file, 'utf8');
      expect(printScenario(parsed(text))).toBe(text);
    });
  }

  it.each([
    ['an empty file', ''],
    ['a lone newline', '\n'],
    ['no final newline', 'statement ok\nSELECT 1'],
    ['several blank lines and trailing spaces in SQL', 'statement ok\nSELECT 1  \n\n\n\nquery I\nSELECT 1\n----\n1\n'],
    ['a query without ----', 'query I\nSELECT 1\n'],
    ['conditions and one-line directives in one block', 'skipif wire\nconnection a as root@t\nclock advance 10m\nstatement ok\nSELECT 1\n'],
  ])('round-trips %s', (_, text) => {
    expect(printScenario(parsed(text))).toBe(text);
  });
});

describe('records', () => {
  it('reads the header, narration and every record kind', () => {
    const file = parsed(
      [
        '# name: fixtures/x/010-y.slt',
        '# description: What it shows.',
        '# teaches: ALTER SYSTEM X, DBA_OB_Y',
        '# seed: 7',
        '# start-time: 2024-02-01T00:00:00Z',
        '',
        '# narration',
        'connection t1 as root@mysql_tenant',
        'clock advance 2h',
        'write macroblocks 20 mysql_tenant',
        'include ../_setup/a.slt.part',
        '',
        'onlyif engine',
        'statement error (OB_BACKUP_IN_PROGRESS)',
        'ALTER SYSTEM BACKUP DATABASE',
        '----',
        'Backup is in progress',
        '',
        'query ITR rowsort',
        'SELECT 1,',
        "  'a', 1.5",
        '----',
        '1\ta\t1.5',
        '',
      ].join('\n'),
    );
    expect(file.header).toEqual({
      name: 'fixtures/x/010-y.slt',
      description: 'What it shows.',
      teaches: 'ALTER SYSTEM X, DBA_OB_Y',
      seed: 7,
      startTime: '2024-02-01T00:00:00Z',
    });
    const records = file.items.filter((i) => i.kind !== 'blank' && i.kind !== 'comment');
    expect(records.map((r) => [r.kind, r.line])).toEqual([
      ['connection', 8],
      ['clock', 9],
      ['write', 10],
      ['include', 11],
      ['statement', 14],
      ['query', 19],
    ]);
    expect(records[0]).toMatchObject({ name: 't1', login: 'root@mysql_tenant' });
    expect(records[1]).toMatchObject({ amount: 2, unit: 'HOURS' });
    expect(records[2]).toMatchObject({ macroblocks: 20, tenant: 'mysql_tenant' });
    expect(records[3]).toMatchObject({ path: '../_setup/a.slt.part' });
    expect(records[4]).toMatchObject({
      conditions: [{ kind: 'onlyif', mode: 'engine' }],
      expect: { kind: 'error', error: { kind: 'name', name: 'OB_BACKUP_IN_PROGRESS' } },
      sql: ['ALTER SYSTEM BACKUP DATABASE'],
      message: 'Backup is in progress',
    });
    expect(records[5]).toMatchObject({ types: 'ITR', sort: 'rowsort', sql: ['SELECT 1,', "  'a', 1.5"], rows: ['1\ta\t1.5'] });
  });

  it('reads the three forms of statement error', () => {
    const file = parsed('statement error\nX\n\nstatement error backup can not start.*doing\nX\n\nstatement error (OB_CANCELED)\nX\n');
    const errors = file.items.flatMap((i) => (i.kind === 'statement' && i.expect.kind === 'error' ? [i.expect.error] : []));
    expect(errors).toEqual([
      { kind: 'any' },
      { kind: 'pattern', pattern: 'backup can not start.*doing' },
      { kind: 'name', name: 'OB_CANCELED' },
    ]);
  });
});

describe('syntax errors name the line', () => {
  it.each([
    ['an unknown directive', 'statement ok\nSELECT 1\n\nselect 2\n', 4, /unknown directive 'select'/],
    ['a statement without SQL', '\nstatement ok\n', 2, /without SQL/],
    ['a bad query type string', 'query IX\nSELECT 1\n', 1, /query <I\|T\|R…>/],
    ['an unknown sort mode', 'query I valuesort\nSELECT 1\n', 1, /unknown sort mode 'valuesort'/],
    ['an unknown error name', 'statement error (OB_NO_SUCH_THING)\nX\n', 1, /unknown error name OB_NO_SUCH_THING/],
    ['a bad regular expression', 'statement error (unclosed\nX\n', 1, /invalid regular expression/],
    ['an expected block after statement ok', 'statement ok\nX\n----\nY\n', 3, /'statement ok' has no expected block/],
    ['two message lines', 'statement error\nX\n----\na\nb\n', 3, /exactly one line/],
    ['a bad clock unit', 'clock advance 10 minutes\n', 1, /clock advance <n>/],
    ['a login naming a cluster', 'connection a as root@t#c\n', 1, /runner picks the cluster/],
    ['an include that is not a part', 'include other.slt\n', 1, /include <file.slt.part>/],
    ['a dangling condition', 'skipif wire\n\nstatement ok\nX\n', 1, /without a record/],
    ['a bad seed', '# seed: x\n', 1, /seed must be/],
    ['CRLF line ends', 'statement ok\r\nX\r\n', 1, /carriage return/],
  ])('%s', (_, text, line, message) => {
    const error = syntaxError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});
