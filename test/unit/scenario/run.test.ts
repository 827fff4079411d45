/**
 * The runner itself (issue 7 "Must show"): a deliberately wrong expected row fails with the file, the line and a
 * side-by-side diff, both in process and over the wire; every record kind is checked; --rewrite fills expected
 * blocks so the file then passes, and rewriting the committed fixtures changes no byte.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineTarget, formatFailure, runScenarioFile, type ScenarioReport } from '../../../src/scenario/index.js';
import { wireTargets } from '../../support/slt-wire.js';

const fixtures = resolve(import.meta.dirname, '../../../fixtures');
const engine = async (setup: Parameters<typeof engineTarget>[0]) => engineTarget(setup);
const wire = wireTargets();
afterAll(() => wire.close());

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function failures(report: ScenarioReport): string[] {
  return report.failures.map(formatFailure);
}

const ARCHIVING = [
  'connection t1 as root@mysql_tenant',
  '',
  'statement ok',
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///a'",
  '',
  'statement ok',
  "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///d'",
  '',
  'statement ok',
  'ALTER SYSTEM ARCHIVELOG',
  '',
  'clock advance 10s',
  '',
].join('\n');

describe('a wrong expected row', () => {
  // Line 17 is the query directive; its second expected row says DOING where the view says INIT.
  const text = `${ARCHIVING}\nstatement ok\nALTER SYSTEM BACKUP DATABASE\n\nquery ITT\nSELECT JOB_ID, BACKUP_TYPE, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS\n----\n1\tFULL\tDOING\n`;

  for (const [mode, targets] of [
    ['in process', engine],
    ['over the wire', wire.targets],
  ] as const) {
    it(`fails ${mode} with the file, the line and a side-by-side diff`, async () => {
      const dir = scratch({ 'wrong.slt': text });
      const report = await runScenarioFile(join(dir, 'wrong.slt'), targets);
      expect(report.passed).toBe(6);
      expect(report.failures).toHaveLength(1);
      const [failure] = report.failures;
      expect(failure).toMatchObject({ path: join(dir, 'wrong.slt'), line: 17 });
      expect(formatFailure(failure!)).toBe(
        [
          `${join(dir, 'wrong.slt')}:17: query ITT`,
          '    SELECT JOB_ID, BACKUP_TYPE, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS',
          '  the rows differ:',
          '    expected         actual',
          '  ! 1  FULL  DOING ! 1  FULL  INIT',
        ].join('\n'),
      );
    });
  }

  it('names the part and the including line when the wrong row is in an include', async () => {
    const dir = scratch({
      'setup.slt.part': `${ARCHIVING}\nquery T\nSELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG\n----\nPREPARE\n`,
      'main.slt': '# name: main\n\ninclude setup.slt.part\n',
    });
    const report = await runScenarioFile(join(dir, 'main.slt'), engine);
    expect(failures(report)).toEqual([
      [
        `${join(dir, 'setup.slt.part')}:14: query T`,
        '    SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG',
        '  the rows differ:',
        '    expected   actual',
        '  ! PREPARE  ! DOING',
        `  (included from ${join(dir, 'main.slt')}:3)`,
      ].join('\n'),
    ]);
  });
});

describe('record checks', () => {
  async function run(text: string): Promise<ScenarioReport> {
    const dir = scratch({ 'x.slt': text });
    return runScenarioFile(join(dir, 'x.slt'), engine);
  }

  it('passes matching statements, errors by name, pattern and exact message, and queries', async () => {
    const report = await run(
      [
        'statement ok',
        "SET ENCRYPTION ON IDENTIFIED BY 'pw' ONLY",
        '',
        'statement error (OB_BACKUP_CAN_NOT_START)',
        'ALTER SYSTEM BACKUP DATABASE',
        '----',
        'backup can not start, because no tenant meets the backup condition, \u{FFFC}please check the tenant status, log archive status, backup data dest, and backup status for each tenant',
        '',
        'statement error no tenant meets',
        'ALTER SYSTEM BACKUP DATABASE',
        '',
        'statement error',
        'SELEC 1',
        '',
        'query ITTR nosort',
        "SELECT 1 + 1, NULL, '', 2.50",
        '----',
        '2\tNULL\t(empty)\t2.50',
        '',
      ].join('\n'),
    );
    expect(failures(report)).toEqual([]);
    expect(report.passed).toBe(5);
  });

  it('reports each kind of mismatch', async () => {
    const report = await run(
      [
        'statement ok',
        'ALTER SYSTEM BACKUP DATABASE',
        '',
        'statement error',
        'SELECT 1',
        '',
        'statement error (OB_BACKUP_IN_PROGRESS)',
        'ALTER SYSTEM BACKUP DATABASE',
        '',
        'statement error backup is running',
        'ALTER SYSTEM BACKUP DATABASE',
        '',
        'statement error (OB_BACKUP_CAN_NOT_START)',
        'ALTER SYSTEM BACKUP DATABASE',
        '----',
        'backup can not start',
        '',
        'query II',
        'SELECT 1',
        '----',
        '1',
        '',
        'query I',
        "SET ENCRYPTION ON IDENTIFIED BY 'pw' ONLY",
        '',
      ].join('\n'),
    );
    const lines = report.failures.map((f) => [f.line, f.message.split('\n').at(-1)]);
    expect(lines).toEqual([
      [1, expect.stringMatching(/^ {2}expected success, got ERROR 9040 \(HY000\) OB_BACKUP_CAN_NOT_START: backup can not start, because no tenant/)],
      [4, '  expected an error, but the statement succeeded'],
      [7, expect.stringMatching(/^ {2}actual: ERROR 9040 \(HY000\) OB_BACKUP_CAN_NOT_START/)],
      [10, expect.stringMatching(/^ {2}actual: ERROR 9040/)],
      [13, expect.stringMatching(/^ {2}actual: ERROR 9040/)],
      [18, '    1        | 1'],
      [23, '  the statement returned no result set'],
    ]);
    expect(report.failures[2]?.message).toContain('expected OB_BACKUP_IN_PROGRESS (ERROR 9036 (HY000))');
    expect(report.failures[3]?.message).toContain('expected a message matching /backup is running/');
    expect(report.failures[4]?.message).toContain('expected the message: backup can not start\n');
    expect(report.failures[5]?.message).toContain("1 columns (1), but 'II' declares 2");
  });

  it('sorts both sides with rowsort and keeps the order with nosort', async () => {
    const names = 'SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS ORDER BY TENANT_ID DESC';
    const rows = 'META$1002\nMETA$1004\nmysql_tenant\noracle_tenant\nsys';
    const report = await run(`query T rowsort\n${names}\n----\n${rows}\n\nquery T nosort\n${names}\n----\n${rows}\n`);
    expect(report.failures.map((f) => f.line)).toEqual([10]);
  });

  it('skips records for the other run, and runs onlyif records', async () => {
    const report = await run('skipif engine\nstatement ok\nSELEC 1\n\nonlyif wire\nstatement ok\nSELEC 1\n\nonlyif engine\nstatement ok\nSELECT 1\n');
    expect(failures(report)).toEqual([]);
    expect([report.skipped, report.passed]).toEqual([2, 1]);
  });

  it('runs on sys by default, keeps connections apart, and reconnects with as', async () => {
    const report = await run(
      [
        // sys sees every tenant (sys, two user tenants and their meta tenants); a user tenant only itself.
        'query I',
        'SELECT COUNT(*) FROM oceanbase.DBA_OB_TENANTS',
        '----',
        '5',
        '',
        'connection t1 as root@mysql_tenant',
        'statement ok',
        "SET ENCRYPTION ON IDENTIFIED BY 'pw' ONLY",
        '',
        'connection sys',
        'query T',
        'SELECT @__ob_backup_encryption_mode__',
        '----',
        'NULL',
        '',
        'connection t1',
        'query T',
        'SELECT @__ob_backup_encryption_mode__',
        '----',
        'PASSWORD',
        '',
        'connection t1 as root@mysql_tenant',
        'query T',
        'SELECT @__ob_backup_encryption_mode__',
        '----',
        'NULL',
        '',
      ].join('\n'),
    );
    expect(failures(report)).toEqual([]);
  });

  it('fails a connection to an unknown tenant, a missing include and an include cycle', async () => {
    const dir = scratch({
      'a.slt': 'connection x as root@no_such_tenant\n\ninclude missing.slt.part\n\ninclude loop.slt.part\n',
      'loop.slt.part': 'include loop.slt.part\n',
    });
    const report = await runScenarioFile(join(dir, 'a.slt'), engine);
    expect(report.failures.map((f) => [f.line, f.message])).toEqual([
      [1, "cannot connect: ERROR 1045 (42000): Access denied for user 'root'@'127.0.0.1' (using password: NO)"],
      [3, `cannot read included file ${join(dir, 'missing.slt.part')}`],
      [1, `include cycle through ${join(dir, 'loop.slt.part')}`],
    ]);
  });

  it('reports a syntax error as a failure at its line', async () => {
    const report = await run('statement ok\nSELECT 1\n\nbogus\n');
    expect(failures(report)).toEqual([expect.stringMatching(/x\.slt:4: syntax: unknown directive 'bogus'/)]);
  });
});

describe('rewrite', () => {
  it('fills expected blocks and error records, after which the file passes both ways', async () => {
    const dir = scratch({
      'r.slt': `${ARCHIVING}\nstatement ok\nALTER SYSTEM BACKUP DATABASE\n\nstatement ok\nALTER SYSTEM BACKUP DATABASE\n\nquery T\nSELECT BACKUP_TYPE, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS\n`,
    });
    const path = join(dir, 'r.slt');
    const rewritten = await runScenarioFile(path, engine, { rewrite: true });
    expect(rewritten).toMatchObject({ rewritten: 2, failures: [] });
    expect(readFileSync(path, 'utf8')).toBe(
      `${ARCHIVING}\nstatement ok\nALTER SYSTEM BACKUP DATABASE\n\nstatement error (OB_BACKUP_IN_PROGRESS)\nALTER SYSTEM BACKUP DATABASE\n----\nBackup is in progress\n\nquery TT\nSELECT BACKUP_TYPE, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS\n----\nFULL\tINIT\n`,
    );
    expect(failures(await runScenarioFile(path, engine))).toEqual([]);
    expect(failures(await runScenarioFile(path, wire.targets))).toEqual([]);
  });

  it('never rewrites over the wire', async () => {
    const dir = scratch({ 'w.slt': 'query I\nSELECT 1\n' });
    const report = await runScenarioFile(join(dir, 'w.slt'), wire.targets, { rewrite: true });
    expect(report.rewritten).toBe(0);
    expect(readFileSync(join(dir, 'w.slt'), 'utf8')).toBe('query I\nSELECT 1\n');
  });

  it('leaves every committed fixture byte for byte as it is (the fixtures are up to date)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slt-fixtures-'));
    cpSync(fixtures, dir, { recursive: true });
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : e.endsWith('.slt') ? [join(d, e)] : []));
    })(dir);
    for (const file of files) {
      const report = await runScenarioFile(file, engine, { rewrite: true });
      expect([file, report.rewritten, failures(report)]).toEqual([file, 0, []]);
    }
    for (const file of files) expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(fixtures, file.slice(dir.length)), 'utf8'));
  });
});
