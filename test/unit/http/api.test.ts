/**
 * The HTTP API (issue 24, emulator.md "HTTP"): the endpoints and their JSON, and every refusal: no or wrong
 * password, a foreign Host, a wrong Origin, a wrong content type, bad bodies, methods a path does not take, and a
 * tenant that does not exist. Requests go through node:http so the tests can set any header (Host, Origin).
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/index.js';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): any;
}

function call(port: number, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

function sql(port: number, cluster: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return call(port, 'POST', `/clusters/${cluster}/sql`, { body: JSON.stringify(body), headers: { ...JSON_TYPE, ...headers } });
}

const START = '2024-01-31T03:20:00Z';

describe('HTTP API without a password', () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    server = await startServer({ port: 0, httpPort: 0, clock: 'manual', startTime: START, seed: 7 });
    port = server.httpPort as number;
  });
  afterAll(() => server.close());

  it('reports its address', () => {
    expect(server.httpUrl).toBe(`http://127.0.0.1:${port}/`);
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(server.port);
  });

  it('GET /health', async () => {
    const r = await call(port, 'GET', '/health');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json()).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('GET /clusters lists the default cluster from the start', async () => {
    const r = await call(port, 'GET', '/clusters');
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.clusters[0]).toMatchObject({ name: 'default', tenants: ['sys', 'mysql_tenant', 'oracle_tenant'], clockMode: 'MANUAL', now: '2024-01-31T03:20:00.000000Z' });
  });

  it('GET /clusters/default: the picture, with the clock and tenants', async () => {
    const r = await call(port, 'GET', '/clusters/default');
    expect(r.status).toBe(200);
    const p = r.json();
    expect(p.cluster).toBe('default');
    expect(p.clock).toMatchObject({ mode: 'MANUAL', speed: 1, seed: 7 });
    expect(p.tenants.map((t: { name: string; id: number; mode: string }) => [t.id, t.name, t.mode])).toEqual([
      [1, 'sys', 'MYSQL'],
      [1002, 'mysql_tenant', 'MYSQL'],
      [1004, 'oracle_tenant', 'ORACLE'],
    ]);
    expect(p.faults).toEqual([]);
    expect(Array.isArray(p.statements)).toBe(true);
  });

  it('POST sql: result sets as text values, OK packets, and OceanBase errors, stopping at the first error', async () => {
    const r = await sql(port, 'default', { sql: "SELECT 1 AS one, NULL AS n, 'x' AS s; ALTER EMULATOR ADVANCE TIME 1 SECONDS; SELECT nope FROM; SELECT 2", tenant: 'mysql_tenant' });
    expect(r.status).toBe(200);
    const { results } = r.json();
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ type: 'rows', columns: [expect.objectContaining({ name: 'one' }), expect.objectContaining({ name: 'n' }), expect.objectContaining({ name: 's' })], rows: [['1', null, 'x']] });
    expect(results[1]).toMatchObject({ type: 'ok', affectedRows: 0 });
    expect(results[2]).toMatchObject({ type: 'error', errno: 1064, sqlState: '42000', name: 'OB_ERR_PARSE_SQL' });
  });

  it('POST sql runs as the given tenant and user', async () => {
    const r = await sql(port, 'default', { sql: 'SELECT USER() AS u', tenant: 'oracle_tenant', user: 'SYS' });
    expect(r.json().results[0].rows).toEqual([['SYS@127.0.0.1']]);
  });

  it('POST sql as a tenant that does not exist: 403 with the login error 1045', async () => {
    const r = await sql(port, 'default', { sql: 'SELECT 1', tenant: 'no_such_tenant' });
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ type: 'error', errno: 1045, sqlState: '42000', error: expect.stringContaining('Access denied') });
  });

  it('a backup run over HTTP shows in the picture: job, set, archive round, statement log', async () => {
    const setup = [
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
      "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
      'ALTER SYSTEM ARCHIVELOG',
      'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
      'ALTER SYSTEM BACKUP DATABASE',
      'ALTER EMULATOR ADVANCE TIME 10 MINUTES',
    ].join(';\n');
    const r = await sql(port, 'w-backup', { sql: setup, tenant: 'mysql_tenant' });
    expect(r.json().results.map((x: { type: string }) => x.type)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    const p = (await call(port, 'GET', '/clusters/w-backup')).json();
    const t = p.tenants.find((x: { name: string }) => x.name === 'mysql_tenant');
    expect(t.jobs).toEqual([expect.objectContaining({ jobId: 1, type: 'FULL', status: 'COMPLETED', backupSetId: 1 })]);
    expect(t.sets).toEqual([expect.objectContaining({ backupSetId: 1, type: 'FULL', status: 'SUCCESS', fileStatus: 'AVAILABLE' })]);
    expect(t.sets[0].macroBlockCount).toBeGreaterThan(0);
    expect(t.rounds).toEqual([expect.objectContaining({ roundId: 1, status: 'DOING', endUs: null })]);
    expect(t.pieces.length).toBeGreaterThan(0);
    expect(t.restorableWindow.fromUs).toBe(t.sets[0].minRestoreUs);
    expect(t.restorableWindow.toUs).toBeGreaterThanOrEqual(t.restorableWindow.fromUs);
    expect(p.statements.map((s: { statement: string }) => s.statement)).toContain('ALTER SYSTEM BACKUP DATABASE');
    expect(p.statements.every((s: { tenant: string; cluster: string }) => s.tenant === 'mysql_tenant' && s.cluster === 'w-backup')).toBe(true);
    // Clusters are isolated: the default cluster saw none of it.
    const d = (await call(port, 'GET', '/clusters/default')).json();
    expect(d.tenants.find((x: { name: string }) => x.name === 'mysql_tenant').jobs).toEqual([]);
  });

  it('GET /clusters/{name}?jobs=N keeps the newest N jobs and sets of each tenant; a bad N is 400', async () => {
    await sql(port, 'w-jobs', {
      sql: [
        "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
        "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
        'ALTER SYSTEM ARCHIVELOG',
        'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
        'ALTER SYSTEM BACKUP DATABASE',
        'ALTER EMULATOR ADVANCE TIME 10 MINUTES',
        'ALTER SYSTEM BACKUP INCREMENTAL DATABASE',
        'ALTER EMULATOR ADVANCE TIME 10 MINUTES',
      ].join(';'),
      tenant: 'mysql_tenant',
    });
    const tenant = (body: any) => body.tenants.find((t: { name: string }) => t.name === 'mysql_tenant');
    expect(tenant((await call(port, 'GET', '/clusters/w-jobs')).json()).jobs.map((j: { jobId: number }) => j.jobId)).toEqual([1, 2]);
    const newest = tenant((await call(port, 'GET', '/clusters/w-jobs?jobs=1')).json());
    expect(newest.jobs.map((j: { jobId: number }) => j.jobId)).toEqual([2]);
    expect(newest.sets.map((s: { backupSetId: number }) => s.backupSetId)).toEqual([2]);
    const bad = await call(port, 'GET', '/clusters/w-jobs?jobs=-1');
    expect(bad.status).toBe(400);
    expect(bad.json().error).toContain('jobs=-1');
  });

  it('POST reset puts the cluster back to its start-up state', async () => {
    await sql(port, 'w-reset', { sql: 'ALTER EMULATOR ADVANCE TIME 2 HOURS' });
    expect((await call(port, 'GET', '/clusters/w-reset')).json().clock.now).toBe('2024-01-31T05:20:00.000000Z');
    const r = await call(port, 'POST', '/clusters/w-reset/reset', { headers: JSON_TYPE });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ ok: true, cluster: 'w-reset' });
    expect((await call(port, 'GET', '/clusters/w-reset')).json().clock.now).toBe('2024-01-31T03:20:00.000000Z');
  });

  it('GET /clusters/{name} of a cluster never used is 404; a POST creates it, as a login does', async () => {
    expect((await call(port, 'GET', '/clusters/never-used')).status).toBe(404);
    expect((await call(port, 'GET', '/clusters/never-used/events')).status).toBe(404);
    expect((await sql(port, 'never-used', { sql: 'SELECT 1' })).status).toBe(200);
    expect((await call(port, 'GET', '/clusters/never-used')).status).toBe(200);
    expect((await call(port, 'GET', '/clusters')).json().clusters.map((c: { name: string }) => c.name)).toContain('never-used');
  });

  it('URL-encoded cluster names; a name that does not decode is 400', async () => {
    expect((await sql(port, 'a%20b', { sql: 'SELECT 1' })).status).toBe(200);
    expect((await call(port, 'GET', '/clusters/a%20b')).json().cluster).toBe('a b');
    expect((await call(port, 'GET', '/clusters/%E0%A4%A')).status).toBe(400);
  });

  it('refuses unknown paths (404) and methods a path does not take (405 with Allow)', async () => {
    const missing = await call(port, 'GET', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.json().error).toContain('/nope');
    const del = await call(port, 'DELETE', '/clusters');
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD');
    const getSql = await call(port, 'GET', '/clusters/default/sql');
    expect(getSql.status).toBe(405);
    expect(getSql.headers.allow).toBe('POST');
    expect((await call(port, 'PUT', '/clusters/default/reset', { headers: JSON_TYPE })).status).toBe(405);
    expect((await call(port, 'OPTIONS', '/clusters/default/sql', { headers: { Origin: 'http://evil.example' } })).status).toBe(405);
    expect((await call(port, 'POST', '/health', { headers: JSON_TYPE, body: '{}' })).status).toBe(405);
  });

  it('refuses a POST without a JSON content type (415), changing nothing', async () => {
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await call(port, 'POST', '/clusters/w-type/sql', { body: JSON.stringify({ sql: 'ALTER EMULATOR ADVANCE TIME 1 HOURS' }), headers: type === undefined ? {} : { 'Content-Type': type } });
      expect(r.status).toBe(415);
      expect(r.json().error).toContain('application/json');
    }
    expect((await call(port, 'GET', '/clusters/w-type')).status).toBe(404);
    expect((await call(port, 'POST', '/clusters/default/sql', { body: '{"sql":"SELECT 1"}', headers: { 'Content-Type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });

  it('refuses a POST from another origin (403), accepts its own origin and none (clients that are not browsers)', async () => {
    const advance = { sql: 'ALTER EMULATOR ADVANCE TIME 1 HOURS' };
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      const r = await sql(port, 'w-origin', advance, { Origin: origin });
      expect(r.status).toBe(403);
      expect(r.json().error).toContain('Origin');
    }
    expect((await call(port, 'POST', '/clusters/w-origin/reset', { headers: { ...JSON_TYPE, Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await call(port, 'GET', '/clusters/w-origin')).status).toBe(404);
    expect((await sql(port, 'w-origin', advance, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await sql(port, 'w-origin', advance)).status).toBe(200);
    expect((await call(port, 'GET', '/clusters/w-origin')).json().clock.now).toBe('2024-01-31T05:20:00.000000Z');
    expect((await sql(port, 'w-origin', advance, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('refuses a Host that is not a loopback name (DNS rebinding), accepts localhost', async () => {
    const evil = await call(port, 'GET', '/health', { headers: { Host: `evil.example:${port}` } });
    expect(evil.status).toBe(403);
    expect(evil.json().error).toContain('loopback');
    expect((await call(port, 'GET', '/health', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
    expect((await call(port, 'GET', '/health', { headers: { Host: `[::1]:${port}` } })).status).toBe(200);
  });

  it('refuses bad bodies with 400 and says why', async () => {
    const cases: [string, string][] = [
      ['{not json', 'not JSON'],
      ['[]', 'JSON object'],
      ['"SELECT 1"', 'JSON object'],
      ['{}', '"sql"'],
      ['{"sql": ""}', '"sql"'],
      ['{"sql": 1}', '"sql"'],
      ['{"sql": "SELECT 1", "tenant": 5}', '"tenant"'],
      ['{"sql": "SELECT 1", "tenant": ""}', '"tenant"'],
      ['{"sql": "SELECT 1", "usr": "root"}', "'usr'"],
    ];
    for (const [body, why] of cases) {
      const r = await call(port, 'POST', '/clusters/default/sql', { body, headers: JSON_TYPE });
      expect([body, r.status]).toEqual([body, 400]);
      expect(r.json().error).toContain(why);
    }
    const big = await call(port, 'POST', '/clusters/default/sql', { body: JSON.stringify({ sql: `SELECT '${'x'.repeat(1_100_000)}'` }), headers: JSON_TYPE });
    expect(big.status).toBe(413);
    // The server still answers after all of that.
    expect((await call(port, 'GET', '/health')).status).toBe(200);
  });

  it('GET /clusters/{name}/events: a state event at once, and another after a change', async () => {
    await sql(port, 'w-events', { sql: 'SELECT 1' });
    const events = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      const req = request({ host: '127.0.0.1', port, path: '/clusters/w-events/events' }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let buffer = '';
        res.on('data', (c: Buffer) => {
          buffer += c.toString('utf8');
          const parts = buffer.split('\n\n');
          buffer = parts.pop() ?? '';
          for (const part of parts) {
            if (!part.startsWith('event: state')) continue;
            seen.push(part);
            if (seen.length === 1) void sql(port, 'w-events', { sql: 'ALTER EMULATOR ADVANCE TIME 1 MINUTES' });
            if (seen.length === 2) {
              req.destroy();
              resolve(seen);
            }
          }
        });
      });
      req.on('error', (e) => (seen.length >= 2 ? undefined : reject(e)));
      req.end();
    });
    const data = events.map((e) => JSON.parse(e.split('data: ')[1] ?? ''));
    expect(data[1].nowUs - data[0].nowUs).toBe(60_000_000);
    expect(data[1].revision).not.toBe(data[0].revision);
  });

  it("the README's curl example runs as shown", async () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const m = /curl -s -X POST http:\/\/127\.0\.0\.1:2880(\/clusters\/[^ ]+\/sql) -H 'Content-Type: application\/json' \\\n\s+-d '([^']+)'/.exec(readme);
    expect(m, 'the README has the curl example').not.toBeNull();
    const r = await call(port, 'POST', m?.[1] ?? '', { body: m?.[2] ?? '', headers: JSON_TYPE });
    expect(r.status).toBe(200);
    expect(r.json().results[0]).toMatchObject({ type: 'rows', columns: [{ name: 'JOB_ID' }, { name: 'STATUS' }] });
  });

  it('GET / serves the dashboard page', async () => {
    const r = await call(port, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.text).toContain('ob-backup-sim');
  });
});

describe('HTTP API with --password', () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    server = await startServer({ port: 0, httpPort: 0, clock: 'manual', startTime: START, password: 's3cret' });
    port = server.httpPort as number;
  });
  afterAll(() => server.close());

  it('refuses every request without the password (401 with a Basic challenge)', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/health'],
      ['GET', '/clusters'],
      ['GET', '/clusters/default'],
      ['GET', '/clusters/default/events'],
      ['POST', '/clusters/default/sql'],
      ['POST', '/clusters/default/reset'],
      ['GET', '/nope'],
    ] as const) {
      const r = await call(port, method, path, { headers: JSON_TYPE, ...(method === 'POST' ? { body: '{"sql":"SELECT 1"}' } : {}) });
      expect([method, path, r.status]).toEqual([method, path, 401]);
      expect(r.headers['www-authenticate']).toMatch(/^Basic realm=/);
    }
  });

  it('refuses a wrong password, as a bearer token or with basic auth', async () => {
    const basic = (user: string, pw: string): string => `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}`;
    for (const authorization of ['Bearer nope', 'Bearer s3cre', 'Bearer s3cretX', basic('root', 'nope'), 'Basic !!!', 'Token s3cret', `Basic ${Buffer.from('s3cret').toString('base64')}`]) {
      const r = await call(port, 'GET', '/health', { headers: { Authorization: authorization } });
      expect([authorization, r.status]).toEqual([authorization, 401]);
      expect(r.json().error).toBe('wrong password');
    }
  });

  it('accepts the password as a bearer token or with basic auth (any user name)', async () => {
    expect((await call(port, 'GET', '/health', { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
    const basic = `Basic ${Buffer.from('anyone:s3cret').toString('base64')}`;
    expect((await call(port, 'GET', '/clusters/default', { headers: { Authorization: basic } })).status).toBe(200);
    const r = await sql(port, 'default', { sql: 'SELECT 1 AS x', tenant: 'mysql_tenant' }, { Authorization: 'Bearer s3cret' });
    expect(r.status).toBe(200);
    expect(r.json().results[0].rows).toEqual([['1']]);
  });
});
