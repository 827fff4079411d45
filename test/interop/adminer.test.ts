/**
 * Issue 21 "Must show": Adminer 4.8.1 (Debian's adminer, served by php-cli's built-in server) in headless Chromium
 * (Debian's chromium, driven by playwright-core from npm through executablePath: no browser download). As a new
 * user would: log in as root@mysql_tenant, open `oceanbase`, see every view listed as a view, open
 * DBA_OB_BACKUP_JOB_HISTORY's structure and data after a backup, and run a SQL command. Each step asserts on the
 * page's text and leaves a screenshot in test-artifacts/adminer/.
 *
 * Adminer refuses an empty password, so this file's server checks one (strict authentication).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, skipUnless } from './support/availability.js';
import { runFullBackup, type FinishedBackup } from './support/backup.js';
import { startInteropServer, type InteropServer } from './support/server.js';

const ADMINER = '/usr/share/adminer/adminer.php';
/** Debian's entry point: Adminer with the plugins Debian enables (no version check against adminer.org). */
const ADMINER_CONF = '/etc/adminer/conf.php';
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/adminer/', import.meta.url));
const PASSWORD = 'adminer-pw';
const CLUSTER = 'adminer';

const available =
  existsSync(ADMINER) && existsSync(ADMINER_CONF) && existsSync(CHROMIUM) && probe('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']);
const skip = skipUnless(available, 'Adminer in Chromium', 'adminer php8.2-cli php8.2-mysql php8.2-cgi chromium');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probeServer = createServer();
    probeServer.once('error', reject);
    probeServer.listen(0, '127.0.0.1', () => {
      const address = probeServer.address();
      probeServer.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** `php -S` with Debian's conf.php as the router: every request, the static files too, goes through Adminer. */
async function startAdminer(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', '/usr/share/adminer', ADMINER_CONF], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`php -S did not answer on ${url}`);
}

describe.skipIf(skip)('Adminer 4.8.1 in headless Chromium', () => {
  let server: InteropServer;
  let adminer: { url: string; process: ChildProcess } | undefined;
  let backup: FinishedBackup;
  let views: string[];
  // playwright-core is imported here, not at the top, so a machine without it still loads the file to skip it.
  let browser: import('playwright-core').Browser | undefined;

  beforeAll(async () => {
    server = await startInteropServer({ password: PASSWORD });
    backup = await runFullBackup(server.port, CLUSTER, PASSWORD);
    const conn = await mysql.createConnection({ host: server.host, port: server.port, user: `root@mysql_tenant#${CLUSTER}`, password: PASSWORD });
    try {
      const [rows] = await conn.query({ sql: 'SHOW FULL TABLES FROM oceanbase', rowsAsArray: true });
      views = (rows as [string, string][]).filter(([, type]) => type === 'SYSTEM VIEW').map(([name]) => name);
    } finally {
      await conn.end();
    }
    adminer = await startAdminer();
    const { chromium } = await import('playwright-core');
    // Root in a container has no user namespace for Chromium's sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    adminer?.process.kill();
    await server?.close();
  });

  it('logs in, browses oceanbase, opens DBA_OB_BACKUP_JOB_HISTORY after a backup and runs a SQL command', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const shot = async (name: string): Promise<void> => {
      await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
      expect(statSync(`${ARTIFACTS}${name}.png`).size).toBeGreaterThan(1000);
    };
    const content = async (): Promise<string> => page.innerText('#content');
    const noErrors = async (): Promise<void> => expect(await page.locator('#content .error').allInnerTexts()).toEqual([]);

    // 1. The login form, filled as a user would.
    await page.goto(adminer!.url);
    expect(await page.title()).toBe('Login - Adminer');
    await page.selectOption('select[name="auth[driver]"]', 'server');
    await page.fill('input[name="auth[server]"]', `127.0.0.1:${server.port}`);
    await page.fill('input[name="auth[username]"]', `root@mysql_tenant#${CLUSTER}`);
    await page.fill('input[name="auth[password]"]', PASSWORD);
    await shot('01-login');
    await page.click('input[type=submit][value=Login]');
    await page.waitForSelector('text=Select database');
    await noErrors();
    const databases = await content();
    for (const db of ['information_schema', 'mysql', 'oceanbase']) expect(databases).toContain(db);
    expect(databases).toContain('MySQL version: 5.7.25');
    await shot('02-databases');

    // 2. oceanbase: every view of SHOW FULL TABLES, each marked as a view.
    await page.click('#content >> text=oceanbase');
    await page.waitForSelector('text=Tables and views');
    await noErrors();
    // Each row: the check box, the name, then Engine, where Adminer writes "View" for a view.
    const listed = (await page.locator('#content table tbody tr').allInnerTexts()).map((row) => row.split('\t').map((c) => c.trim()));
    for (const view of views) expect(listed.find((cells) => cells[1] === view)?.[2], view).toBe('View');
    expect(views).toContain('DBA_OB_BACKUP_JOB_HISTORY');
    await shot('03-oceanbase');

    // 3. A DBA_OB_* view: its structure, then its data, which holds the finished backup.
    await page.click('#content >> text=DBA_OB_BACKUP_JOB_HISTORY');
    await page.waitForSelector('text=View: DBA_OB_BACKUP_JOB_HISTORY');
    await noErrors();
    const structure = await content();
    expect(structure).toMatch(/JOB_ID\tbigint\(20\)/);
    expect(structure).toMatch(/START_TIMESTAMP\ttimestamp\(6\)/);
    await shot('04-job-history-structure');
    await page.click('#content >> text=Select data');
    await page.waitForSelector('#table');
    await noErrors();
    // The header row opens with a td (Modify) before the column th cells, as each data row opens with its edit td.
    const headers = (await page.locator('#table thead tr').first().locator('th, td').allInnerTexts()).map((h) => h.trim());
    const cells = (await page.locator('#table tbody tr').first().locator('td').allInnerTexts()).map((c) => c.trim());
    const cell = (name: string): string | undefined => cells[headers.indexOf(name)];
    expect(backup.history).toHaveLength(1);
    const [jobId, setId, type, status] = backup.history[0]!;
    expect([cell('JOB_ID'), cell('BACKUP_SET_ID'), cell('BACKUP_TYPE'), cell('STATUS')]).toEqual([jobId, setId, type, status]);
    expect(status).toBe('COMPLETED');
    await shot('05-job-history-data');

    // 4. SQL command, typed into Adminer's highlighting editor, with a subquery.
    await page.click('text=SQL command');
    await page.click('pre.sqlarea');
    await page.keyboard.type('SELECT JOB_ID, STATUS FROM DBA_OB_BACKUP_JOB_HISTORY WHERE JOB_ID IN (SELECT JOB_ID FROM DBA_OB_BACKUP_SET_FILES)');
    await page.click('input[type=submit][value=Execute]');
    await page.waitForSelector('#content table');
    await noErrors();
    const result = await page.locator('#content table').first().innerText();
    expect(result.split('\n').map((line) => line.trim().split('\t'))).toEqual([
      ['JOB_ID', 'STATUS'],
      [jobId, 'COMPLETED'],
    ]);
    await shot('06-sql-command');
    await page.close();
    expect(server.warnings()).toEqual([]);
  }, 120_000);
});
