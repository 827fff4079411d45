/**
 * The HTTP side of `serve` (issue 24, emulator.md "HTTP"): the dashboard at `/` and a JSON API for CI jobs in any
 * language, on the same host as the MySQL port. One table of routes; a path it knows with a method it does not
 * gets 405 with Allow; every refusal is JSON `{ "error": message }` with its status. guard.ts says who may call.
 *
 * | method | path | answer |
 * | --- | --- | --- |
 * | GET | /health | `{ status: "ok", version, clusters }` |
 * | GET | /clusters | `{ clusters: [{ name, tenants, nowUs, now, clockMode }] }` |
 * | GET | /clusters/{name}[?jobs=N] | the cluster's picture (src/views/picture.ts) plus its statement log |
 * | POST | /clusters/{name}/sql | `{ sql, tenant?, user?, database? }` → `{ results: [...] }` (results.ts) |
 * | POST | /clusters/{name}/reset | `ALTER EMULATOR RESET` in that cluster → `{ ok: true }` |
 * | GET | /clusters/{name}/events | server-sent events: `state` with `{ revision, nowUs }` when the picture may have changed |
 *
 * `{name}` is the cluster name of logins (`user@tenant#name`), URL-encoded; `default` is the default cluster.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isObError } from '../errors.js';
import type { Dashboard } from '../session/dashboard.js';
import { checkHost, checkPassword, checkPost, isLoopbackHost, type Refusal } from './guard.js';
import { DASHBOARD_CSS, DASHBOARD_JS } from './assets.js';
import { renderPage } from './page.js';
import { errorJson, resultJson } from './results.js';

export interface HttpOptions {
  readonly dashboard: Dashboard;
  /** `--password`: every request must carry it; null when none is set. */
  readonly password: string | null;
  readonly version: string;
  /** How often an event stream looks for a change (ms); a few updates per second at most. */
  readonly eventIntervalMs?: number;
}

export interface HttpServer {
  listen(port: number, host: string): Promise<{ host: string; port: number }>;
  close(): Promise<void>;
}

/** The path segment that names the default cluster (whose login name is empty). */
export const DEFAULT_CLUSTER_SEGMENT = 'default';
/** The largest request body accepted (a script of statements). */
export const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_EVENT_INTERVAL_MS = 250;

type Method = 'GET' | 'POST';
interface Request {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The decoded cluster name ('' for `default`), for the /clusters/{name} routes. */
  readonly cluster: string;
}
type Handler = (r: Request) => void | Promise<void>;
interface Route {
  readonly pattern: RegExp;
  readonly methods: Partial<Record<Method, Handler>>;
  /** Whether `{name}` must be a cluster that exists (GETs), or is created on first use (POSTs, like a login). */
  readonly existing?: true;
}

export function createHttpServer(options: HttpOptions): HttpServer {
  const { dashboard } = options;
  const sockets = new Set<Socket>();
  const streams = new Set<() => void>();
  let listensOnLoopback = true;
  const intervalMs = options.eventIntervalMs ?? DEFAULT_EVENT_INTERVAL_MS;

  const routes: readonly Route[] = [
    { pattern: /^\/$/, methods: { GET: (r) => sendHtml(r.res, renderPage(dashboard, r.url)) } },
    { pattern: /^\/dashboard\.css$/, methods: { GET: (r) => sendAsset(r.res, 'text/css; charset=utf-8', DASHBOARD_CSS) } },
    { pattern: /^\/dashboard\.js$/, methods: { GET: (r) => sendAsset(r.res, 'text/javascript; charset=utf-8', DASHBOARD_JS) } },
    {
      pattern: /^\/health$/,
      methods: { GET: (r) => sendJson(r.res, 200, { status: 'ok', version: options.version, clusters: dashboard.clusterNames().length }) },
    },
    {
      pattern: /^\/clusters$/,
      methods: {
        GET: (r) =>
          sendJson(r.res, 200, {
            clusters: dashboard.clusterNames().map((name) => {
              const p = dashboard.picture(name);
              return { name: segmentOf(name), tenants: p.tenants.map((t) => t.name), clockMode: p.clock.mode, nowUs: p.clock.nowUs, now: p.clock.now };
            }),
          }),
      },
    },
    {
      pattern: /^\/clusters\/([^/]+)$/,
      existing: true,
      methods: {
        GET: (r) => {
          const limit = newestLimit(r.url.searchParams.get('jobs'));
          if (typeof limit === 'string') return refuse(r.res, { status: 400, message: limit });
          const picture = dashboard.picture(r.cluster);
          const tenants = limit === null ? picture.tenants : picture.tenants.map((t) => ({ ...t, jobs: t.jobs.slice(-limit), sets: t.sets.slice(-limit), cleans: t.cleans.slice(-limit) }));
          sendJson(r.res, 200, { ...picture, tenants, cluster: segmentOf(r.cluster), statements: dashboard.statements(r.cluster) });
        },
      },
    },
    { pattern: /^\/clusters\/([^/]+)\/sql$/, methods: { POST: (r) => runSql(r) } },
    { pattern: /^\/clusters\/([^/]+)\/reset$/, methods: { POST: (r) => reset(r) } },
    { pattern: /^\/clusters\/([^/]+)\/events$/, existing: true, methods: { GET: (r) => events(r) } },
  ];

  const runSql = async (r: Request): Promise<void> => {
    const body = await readJsonBody(r.req);
    if ('refusal' in body) return refuse(r.res, body.refusal);
    const input = sqlInput(body.value);
    if (typeof input === 'string') return refuse(r.res, { status: 400, message: input });
    const session = dashboard.open({ cluster: r.cluster, tenant: input.tenant, user: input.user, ...(input.database === undefined ? {} : { database: input.database }) });
    if (isObError(session)) return sendJson(r.res, 403, { error: session.message, ...errorJson(session) });
    const results = await session.queryYielding(input.sql);
    const zone = session.timeZone();
    sendJson(r.res, 200, { results: results.map((x) => resultJson(x, zone)) });
  };

  const reset = async (r: Request): Promise<void> => {
    const body = await readJsonBody(r.req, true);
    if ('refusal' in body) return refuse(r.res, body.refusal);
    const session = dashboard.open({ cluster: r.cluster, tenant: 'sys', user: 'root' });
    if (isObError(session)) return sendJson(r.res, 403, { error: session.message, ...errorJson(session) });
    const [result] = await session.queryYielding('ALTER EMULATOR RESET');
    if (result !== undefined && isObError(result)) return sendJson(r.res, 500, { error: result.message, ...errorJson(result) });
    sendJson(r.res, 200, { ok: true, cluster: segmentOf(r.cluster) });
  };

  const events = (r: Request): void => {
    r.res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
    let last = '';
    let idle = 0;
    const tick = (): void => {
      const revision = dashboard.revision(r.cluster);
      if (revision !== last) {
        last = revision;
        idle = 0;
        r.res.write(`event: state\ndata: ${JSON.stringify({ revision, nowUs: Number(revision.split('.')[0]) })}\n\n`);
      } else if (++idle * intervalMs >= 15_000) {
        // A comment now and then keeps proxies and the browser from closing a quiet stream.
        idle = 0;
        r.res.write(': idle\n\n');
      }
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    const stop = (): void => {
      clearInterval(timer);
      streams.delete(stop);
      r.res.end();
    };
    streams.add(stop);
    r.req.on('close', stop);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const first = checkHost(req, listensOnLoopback) ?? checkPassword(req, options.password);
    if (first !== null) return refuse(res, first);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuse(res, { status: 400, message: 'unreadable request target' });
    }
    const route = routes.find((x) => x.pattern.test(url.pathname));
    if (route === undefined) return refuse(res, { status: 404, message: `no such resource: ${url.pathname}` });
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const handler = method === 'GET' || method === 'POST' ? route.methods[method] : undefined;
    if (handler === undefined) {
      const allow = Object.keys(route.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
      return refuse(res, { status: 405, message: `${req.method ?? ''} is not allowed on ${url.pathname} (allowed: ${allow})`, headers: { Allow: allow } });
    }
    if (method === 'POST') {
      const refusal = checkPost(req);
      if (refusal !== null) return refuse(res, refusal);
    }
    const segment = route.pattern.exec(url.pathname)?.[1];
    let cluster = '';
    if (segment !== undefined) {
      const name = clusterOf(segment);
      if (name === null) return refuse(res, { status: 400, message: `invalid cluster name '${segment}'` });
      if (route.existing && !dashboard.has(name)) return refuse(res, { status: 404, message: `no cluster '${segment}' (a cluster is created by its first login or POST)` });
      cluster = name;
    }
    await handler({ req, res, url, cluster });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A broken invariant is a bug: answer 500 rather than leave the client waiting, and keep serving.
      if (!res.headersSent) sendJson(res, 500, { error: `internal error: ${(e as Error).message}` });
      else res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    listen(port, host) {
      listensOnLoopback = isLoopbackHost(host);
      return new Promise((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          resolve({ host: address.address, port: address.port });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        for (const stop of [...streams]) stop();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

/** The path segment of a cluster name. */
export function segmentOf(name: string): string {
  return name === '' ? DEFAULT_CLUSTER_SEGMENT : name;
}

/** The cluster name of a path segment, or null when it does not decode. */
function clusterOf(segment: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return null;
  }
  if (name === '' || name.length > 128 || /[\u0000-\u001f]/.test(name)) return null;
  return name === DEFAULT_CLUSTER_SEGMENT ? '' : name;
}

/** `?jobs=N`: only the newest N jobs, sets and clean jobs of each tenant (a long history is megabytes of JSON). */
function newestLimit(text: string | null): number | null | string {
  if (text === null) return null;
  return /^\d{1,9}$/.test(text) ? Number(text) : `invalid jobs=${text} (a count of the newest jobs, sets and clean jobs to return)`;
}

interface SqlInput {
  readonly sql: string;
  readonly tenant: string;
  readonly user: string;
  readonly database?: string;
}

const SQL_FIELDS = new Set(['sql', 'tenant', 'user', 'database']);

/** The body of POST /sql, or why not. */
function sqlInput(value: unknown): SqlInput | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a JSON object: { "sql": "...", "tenant": "sys", "user": "root" }';
  const body = value as Record<string, unknown>;
  const unknown = Object.keys(body).filter((k) => !SQL_FIELDS.has(k));
  if (unknown.length > 0) return `unknown field(s) ${unknown.map((k) => `'${k}'`).join(', ')} (expected sql, tenant, user, database)`;
  if (typeof body.sql !== 'string' || body.sql.trim() === '') return '"sql" must be a non-empty string';
  for (const k of ['tenant', 'user', 'database'] as const) {
    if (body[k] !== undefined && typeof body[k] !== 'string') return `"${k}" must be a string`;
  }
  const tenant = (body.tenant as string | undefined) ?? 'sys';
  if (tenant === '') return '"tenant" must not be empty';
  return { sql: body.sql, tenant, user: (body.user as string | undefined) ?? 'root', ...(body.database === undefined ? {} : { database: body.database as string }) };
}

/** The parsed JSON body; an empty body is `{}` where allowed (reset). */
function readJsonBody(req: IncomingMessage, emptyAllowed = false): Promise<{ value: unknown } | { refusal: Refusal }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve({ refusal: { status: 413, message: `the body is larger than ${MAX_BODY_BYTES} bytes` } });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '' && emptyAllowed) return resolve({ value: {} });
      try {
        resolve({ value: JSON.parse(text) as unknown });
      } catch (e) {
        resolve({ refusal: { status: 400, message: `the body is not JSON: ${(e as Error).message}` } });
      }
    });
    req.on('error', () => {
      if (!done) resolve({ refusal: { status: 400, message: 'the body could not be read' } });
      done = true;
    });
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    // The page runs only its own script (/dashboard.js), and no other site may frame it.
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    ...SECURITY_HEADERS,
  });
  res.end(html);
}

function sendAsset(res: ServerResponse, type: string, text: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
  res.end(text);
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { error: refusal.message }, refusal.headers);
}
