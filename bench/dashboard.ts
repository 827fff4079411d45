/**
 * Benchmark (issue 24): the dashboard and the HTTP API with 10,000 backup jobs in the history, beside the same
 * requests on a cluster with 10 jobs in the same run (the reference), so the figures read as "how much a long
 * history costs" on whatever machine runs them. The history is made the way a user makes it: BACKUP DATABASE
 * (every fourth one FULL, the others INCREMENTAL) then ADVANCE TIME 10 MINUTES, sent through POST /sql.
 *
 * For each request: the median and p95 of the real time to the last byte over 15 requests, and the body size.
 * `GET /clusters/{name}` is the whole picture (every job); the page's live part (`/?partial=1`, what the script
 * fetches a few times a second) lists the newest jobs and draws the timeline with thin jobs merged, so it should
 * stay close to the reference. Run with `npm run bench:dashboard`.
 */
import { startServer } from '../src/index.js';

const JOBS = Number(process.env['BENCH_DASHBOARD_JOBS'] ?? 10_000);
const REFERENCE_JOBS = 10;
const RUNS = 15;

const server = await startServer({ port: 0, httpPort: 0, clock: 'manual', startTime: '2024-01-31T03:20:00Z', seed: 1 });
const base = server.httpUrl as string;

async function sql(cluster: string, text: string): Promise<void> {
  const r = await fetch(`${base}clusters/${cluster}/sql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql: text, tenant: 'mysql_tenant' }) });
  const body = (await r.json()) as { results: { type: string; message?: string }[] };
  const error = body.results.find((x) => x.type === 'error');
  if (error !== undefined) throw new Error(`${cluster}: ${error.message ?? ''}`);
}

async function makeHistory(cluster: string, jobs: number): Promise<void> {
  await sql(
    cluster,
    [
      "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
      "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
      'ALTER SYSTEM ARCHIVELOG',
      'ALTER EMULATOR ADVANCE TIME 10 SECONDS',
    ].join(';'),
  );
  const batch: string[] = [];
  for (let i = 0; i < jobs; i++) {
    batch.push(i % 4 === 0 ? 'ALTER SYSTEM BACKUP DATABASE' : 'ALTER SYSTEM BACKUP INCREMENTAL DATABASE', 'ALTER EMULATOR ADVANCE TIME 10 MINUTES');
    if (batch.length >= 1000 || i === jobs - 1) await sql(cluster, batch.splice(0).join(';'));
  }
}

interface Figure {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly bytes: number;
}

async function measure(path: string): Promise<Figure> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const started = performance.now();
    const r = await fetch(`${base}${path}`);
    const body = await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    // The first two warm up the parser, the JIT and the caches.
    if (i >= 2) times.push(performance.now() - started);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, p95Ms: times[Math.floor(times.length * 0.95)] ?? 0, bytes };
}

const started = performance.now();
await makeHistory('big', JOBS);
await makeHistory('ref', REFERENCE_JOBS);
const madeS = (performance.now() - started) / 1000;
const jobs = ((await (await fetch(`${base}clusters/big`)).json()) as { tenants: { name: string; jobs: unknown[] }[] }).tenants.find((t) => t.name === 'mysql_tenant')?.jobs.length;
if (jobs !== JOBS) throw new Error(`expected ${JOBS} jobs in the picture, found ${String(jobs)}`);

const size = (b: number): string => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
console.log(`dashboard: ${JOBS} backup jobs (made in ${madeS.toFixed(1)} s) vs ${REFERENCE_JOBS} jobs, same server, same run; median / p95 of ${RUNS} requests`);
for (const [label, path] of [
  ['GET /clusters/{name} (the whole picture, JSON)', (c: string) => `clusters/${c}`],
  ['GET /?partial=1 (the live part the page fetches)', (c: string) => `?cluster=${c}&tenant=mysql_tenant&partial=1&width=1280`],
  ['GET / (the whole page)', (c: string) => `?cluster=${c}&tenant=mysql_tenant`],
  ['GET /?partial=1, zoomed to 1 h', (c: string) => `?cluster=${c}&tenant=mysql_tenant&partial=1&width=1280&span=3600`],
] as const) {
  const big = await measure(path('big'));
  const ref = await measure(path('ref'));
  console.log(
    `  ${label}: ${big.medianMs.toFixed(1)} ms (p95 ${big.p95Ms.toFixed(1)}), ${size(big.bytes)}; ` +
      `${REFERENCE_JOBS} jobs ${ref.medianMs.toFixed(1)} ms, ${size(ref.bytes)}; ratio ×${(big.medianMs / ref.medianMs).toFixed(1)} time, ×${(big.bytes / ref.bytes).toFixed(1)} size`,
  );
}
const health = await measure('health');
console.log(`  reference GET /health: ${health.medianMs.toFixed(2)} ms`);
await server.close();
