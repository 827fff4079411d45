/**
 * The dashboard page as served (issue 24): the server-rendered HTML shows the chosen cluster and tenant (clock,
 * timeline, chain, jobs with their COMMENT, faults, statement log with its filters), the live part alone with
 * `?partial=1`, its own assets under a strict Content-Security-Policy, and everything escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/index.js';

let server: RunningServer;
let base: string;

async function sql(cluster: string, text: string, tenant = 'mysql_tenant'): Promise<void> {
  const r = await fetch(`${base}clusters/${cluster}/sql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql: text, tenant }) });
  const body = (await r.json()) as { results: { type: string; message?: string }[] };
  for (const x of body.results) expect(x.type, x.message).not.toBe('error');
}

async function page(query: string): Promise<string> {
  const r = await fetch(`${base}${query}`);
  expect(r.status).toBe(200);
  return r.text();
}

beforeAll(async () => {
  server = await startServer({ port: 0, httpPort: 0, clock: 'manual', startTime: '2024-01-31T03:20:00Z', seed: 5 });
  base = server.httpUrl as string;
  await sql(
    'tour',
    [
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
      "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
      'ALTER SYSTEM ARCHIVELOG',
      'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
      'ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG',
      'ALTER EMULATOR ADVANCE TIME 10 MINUTES',
    ].join(';'),
  );
  await sql('tour', "ALTER EMULATOR INJECT FAULT BACKUP DEST ERROR = OB_BACKUP_DEVICE_OUT_OF_SPACE; ALTER SYSTEM BACKUP INCREMENTAL DATABASE; ALTER EMULATOR ADVANCE TIME 30 MINUTES");
  await fetch(`${base}clusters/tour/sql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql: "SELECT '<script>alert(1)</script>' FROM nowhere", tenant: 'mysql_tenant' }) });
});
afterAll(() => server.close());

describe('the dashboard page', () => {
  it('shows the cluster and tenant chosen by the query string', async () => {
    const html = await page('?cluster=tour&tenant=mysql_tenant');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<option value="tour" selected>tour</option>');
    expect(html).toContain('<option value="mysql_tenant" selected>mysql_tenant (1002)</option>');
    expect(html).toContain('id="clock-mode">MANUAL</b>');
    expect(html).toContain('2024-01-31 04:00:10 UTC');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('draws the chain (FULL with PLUS ARCHIVELOG), the jobs with the failure COMMENT, the round, the fault', async () => {
    const html = await page('?cluster=tour&tenant=mysql_tenant');
    expect(html).toMatch(/data-set="1"[^>]*aria-label="backup set 1 FULL SUCCESS AVAILABLE"/);
    expect(html).toContain('PLUS ARCHIVELOG');
    expect(html).toMatch(/<tr data-job="2">.*FAILED.*-9082\(backup device out of space\)/);
    expect(html).toMatch(/<tr data-job="1">.*COMPLETED/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" id="timeline-svg"');
    expect(html).toContain('backup job 2: INC FAILED');
    expect(html).toMatch(/<tr data-fault="1">.*BACKUP DEST.*ERROR = OB_BACKUP_DEVICE_OUT_OF_SPACE/);
    expect(html).toContain('data-sql="ALTER EMULATOR CLEAR FAULT 1"');
    expect(html).toContain('Restorable from');
  });

  it('the statement log, filtered by outcome and tenant, with statements escaped', async () => {
    const all = await page('?cluster=tour&tenant=mysql_tenant');
    expect(all).toContain('ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG');
    expect(all).not.toContain('<script>alert(1)</script>');
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const errors = await page('?cluster=tour&tenant=mysql_tenant&logOutcome=error');
    const log = errors.slice(errors.indexOf('id="h-log"'));
    expect(log).toContain('&lt;script&gt;');
    expect(log).not.toContain('ALTER SYSTEM ARCHIVELOG');
    const sys = await page('?cluster=tour&tenant=mysql_tenant&logTenant=sys');
    expect(sys.slice(sys.indexOf('id="h-log"'))).toContain('No statements match.');
  });

  it('zooms: the span links, the chosen one marked', async () => {
    const html = await page('?cluster=tour&tenant=mysql_tenant&span=3600');
    expect(html).toContain('<a href="/?cluster=tour&amp;tenant=mysql_tenant&amp;span=3600" aria-current="true">1 h</a>');
    expect(html).toContain('<a href="/?cluster=tour&amp;tenant=mysql_tenant&amp;span=15552000">180 days</a>');
  });

  it('?partial=1 returns the live part only, drawn at the asked width', async () => {
    const html = await page('?cluster=tour&tenant=mysql_tenant&partial=1&width=400');
    expect(html).not.toContain('<!doctype');
    expect(html).toContain('viewBox="0 0 400 ');
    expect(html).toContain('id="clock-now"');
  });

  it('falls back to the default cluster and a user tenant on unknown names', async () => {
    const html = await page('?cluster=nope&tenant=nope&span=abc&width=zz');
    expect(html).toContain('<option value="default" selected>default</option>');
    expect(html).toContain('Timeline of mysql_tenant');
  });

  it('serves its script and stylesheet, under a CSP that allows no other script', async () => {
    const r = await fetch(base);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self';");
    const js = await fetch(`${base}dashboard.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('new EventSource');
    const css = await fetch(`${base}dashboard.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('@media (max-width: 600px)');
  });
});
