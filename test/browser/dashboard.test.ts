/**
 * The dashboard in a real browser (issue 24, "Must show"): Debian's chromium (/usr/bin/chromium, installed by
 * .ci/run) driven by playwright-core, which downloads no browser of its own. Against a server started in process
 * with a manual clock, it checks that: after a backup the chain shows the set (a live update, no reload); after
 * ADVANCE TIME from the page the timeline extends and the job turns COMPLETED; after a fault the failed job is shown
 * with its COMMENT; a reset from the page empties it; the controls work by keyboard. Screenshots at 1280×800 and
 * at a phone's 390×844 go to test-artifacts/ (not committed).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.js';

const CHROMIUM = process.env['OB_SIM_CHROMIUM'] ?? '/usr/bin/chromium';
const artifacts = resolve(import.meta.dirname, '../../test-artifacts');
const CLUSTER = 'browser';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function sql(text: string, tenant = 'mysql_tenant'): Promise<void> {
  const r = await fetch(`${server.httpUrl}clusters/${CLUSTER}/sql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql: text, tenant }) });
  const body = (await r.json()) as { results: { type: string; message?: string }[] };
  for (const x of body.results) expect(x.type, x.message).not.toBe('error');
}

/** Text of an element of the page, as the user sees it. */
const text = (selector: string): Promise<string> => page.locator(selector).innerText();

async function nowUs(): Promise<number> {
  return Number(await page.locator('#clock-now').getAttribute('data-now-us'));
}

async function screenshots(name: string): Promise<void> {
  for (const [label, size] of [
    ['1280x800', { width: 1280, height: 800 }],
    ['phone-390x844', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    // The script redraws the timeline for the new width.
    await page.waitForFunction(() => {
      const svg = document.getElementById('timeline-svg');
      const live = document.getElementById('live');
      return svg !== null && live !== null && Math.abs(Number(svg.getAttribute('width')) - Math.max(320, live.clientWidth)) < 40;
    });
    await page.screenshot({ path: join(artifacts, `dashboard-${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
  mkdirSync(artifacts, { recursive: true });
  server = await startServer({ port: 0, httpPort: 0, clock: 'manual', startTime: '2024-01-31T03:20:00Z', seed: 11 });
  await sql(
    [
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
      "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
      'ALTER SYSTEM ARCHIVELOG',
      'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
    ].join(';'),
  );
  // Root in a container has no user namespace for chromium's sandbox; the page is our own, on loopback.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.httpUrl}?cluster=${CLUSTER}&tenant=mysql_tenant`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dashboard in chromium', () => {
  it('loads: clock, an empty chain, the archive round, no script errors', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.reload();
    expect(await text('#clock-mode')).toBe('MANUAL');
    expect(await text('#chain')).toContain('No backup sets yet.');
    expect(await text('#rounds')).toContain('DOING');
    expect(await page.locator('#timeline-svg').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('after a backup, the chain shows the set, without a reload', async () => {
    const before = await page.locator('#live').getAttribute('data-revision');
    await sql('ALTER SYSTEM BACKUP DATABASE; ALTER EMULATOR ADVANCE TIME 10 MINUTES');
    await page.locator('#chain [data-set="1"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('#chain [data-set="1"]').getAttribute('aria-label')).toBe('backup set 1 FULL SUCCESS AVAILABLE');
    expect(await text('#chain')).toContain('macroblocks');
    expect(await page.locator('#live').getAttribute('data-revision')).not.toBe(before);
    await screenshots('after-backup');
  });

  it('after ADVANCE TIME from the page, the timeline extends and the job turns COMPLETED', async () => {
    await sql('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
    await page.locator('#jobs tr[data-job="2"]').waitFor({ timeout: 15_000 });
    expect(await text('#jobs tr[data-job="2"]')).toMatch(/INIT|DOING/);
    const start = await nowUs();
    const ticks = await page.locator('#timeline-svg > text').allTextContents();
    await page.selectOption('#advance-step', '10 MINUTES');
    await page.click('#advance');
    await expect.poll(nowUs, { timeout: 15_000 }).toBe(start + 600_000_000);
    await expect.poll(() => text('#jobs tr[data-job="2"]'), { timeout: 15_000 }).toContain('COMPLETED');
    expect(await text('#status')).toContain('ALTER EMULATOR ADVANCE TIME 10 MINUTES: Query OK');
    // The window now reaches 10 minutes further: the axis is labelled anew.
    expect(await page.locator('#timeline-svg > text').allTextContents()).not.toEqual(ticks);
    expect(await page.locator('#timeline-svg [data-lane="backups"] title').allTextContents()).toContainEqual(expect.stringContaining('backup job 2: INC COMPLETED'));
    expect(await page.locator('#chain [data-set="2"]').getAttribute('aria-label')).toBe('backup set 2 INC SUCCESS AVAILABLE');
  });

  it('after a fault injected from the page, the failed job is shown with its COMMENT', async () => {
    await page.selectOption('#fault-target', 'BACKUP DEST');
    await page.fill('#fault-error', 'OB_BACKUP_DEVICE_OUT_OF_SPACE');
    await page.click('#fault-inject');
    await page.locator('#faults tr[data-fault="1"]').waitFor({ timeout: 15_000 });
    expect(await text('#faults tr[data-fault="1"]')).toContain('ERROR = OB_BACKUP_DEVICE_OUT_OF_SPACE');
    await sql('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
    await page.click('#advance');
    await expect.poll(() => text('#jobs tr[data-job="3"]'), { timeout: 15_000 }).toContain('FAILED');
    expect(await text('#jobs tr[data-job="3"] td.comment')).toContain('backup device out of space');
    const failed = page.locator('#timeline-svg [data-lane="backups"] [data-tone="FAILED"] title');
    expect(await failed.first().textContent()).toContain('backup device out of space');
    await screenshots('after-fault');
    await page.click('#clear-fault-1');
    await page.locator('#faults tr[data-fault="1"]').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('works by keyboard: choose a step and advance without the mouse', async () => {
    const start = await nowUs();
    await page.focus('#advance-step');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('advance');
    await page.keyboard.press('Enter');
    await expect.poll(nowUs, { timeout: 15_000 }).toBe(start + 1_000_000);
  });

  it('the statement log filters by outcome', async () => {
    await page.selectOption('#log-outcome', 'error');
    await page.click('#log-filter');
    await page.waitForURL(/logOutcome=error/);
    expect(await text('#h-log')).toContain('Statement log');
    const rows = await page.locator('#log tbody tr').allInnerTexts();
    for (const row of rows) expect(row).toContain('error');
  });

  it('a reset from the page empties it', async () => {
    await page.goto(`${server.httpUrl}?cluster=${CLUSTER}&tenant=mysql_tenant`);
    await page.click('#reset');
    await expect.poll(() => text('#chain'), { timeout: 15_000 }).toContain('No backup sets yet.');
    expect(await text('#jobs')).toContain('No backup jobs yet.');
    expect(await text('#rounds')).toContain('No archive round yet.');
    expect(await text('#clock-now')).toBe('2024-01-31 03:20:00 UTC');
    await screenshots('after-reset');
  });
});
