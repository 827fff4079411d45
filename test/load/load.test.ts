/**
 * Load (issue 8 item 5): 64 mysql2 connections on four clusters (three on a manual clock driven by ADVANCE TIME, one
 * on a fast realtime clock) run mixed scenarios for LOAD_SECONDS (20 by default): backups from the tenant and from
 * sys, cancels, archive toggles, view polling, prepared statements, plus short-lived reconnecting clients.
 *
 * Checks: no error a scenario does not expect; every connection ends with a clean COM_QUIT and no incident; at the
 * end, with time moved on a day, every job has finished, job and set rows agree (checkFinished), every accepted
 * BACKUP left exactly one job, and the engine's invariant checker passes on every cluster; rss at the end stays
 * within a bound of rss after warm-up (both printed, with the heap after a full collection at both points, which
 * shows what is really retained). LOAD_TRACE=1 prints statements, heap and rss every five seconds.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants } from '../../src/engine/index.js';
import { startServer, type RunningServer } from '../../src/index.js';
import { EndingLedger } from '../fuzz/support/ending-ledger.js';
import { fuzzSeed, loadSeconds, reportSoak, settledHeapMb } from '../fuzz/support/scale.js';
import { checkFinished, type FinishedJob, type SetRow } from './support/view-checks.js';
import {
  archiveToggles, cancels, clock, connect, LoadStats, prepared, reconnects, sysBackups, sysViewPolls, userBackups, viewPolls,
  type LoadContext, type Scenario,
} from './support/scenarios.js';

const SEED = fuzzSeed();
const SECONDS = loadSeconds();
const CLUSTERS = [
  { name: 'load_0', manualClock: true },
  { name: 'load_1', manualClock: true },
  { name: 'load_2', manualClock: true },
  { name: 'load_rt', manualClock: false },
] as const;
/** Sixteen long-lived connections per cluster (64 in all), plus one reconnecting client each. */
const ROLES: readonly Scenario[] = [clock, userBackups, userBackups, userBackups, sysBackups, cancels, archiveToggles, viewPolls, viewPolls, viewPolls, viewPolls, sysViewPolls, prepared, prepared, prepared, prepared];
const RSS_GROWTH_BOUND_MB = 300;

let server: RunningServer;
const ledger = new EndingLedger();

beforeAll(async () => {
  server = await startServer({ port: 0, clock: 'manual', startTime: '2024-01-31T03:20:59Z', seed: SEED, logger: ledger });
});
afterAll(async () => {
  await server?.close();
});

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 8) % n;
  };
}

/** Each distinct message once, with how often it occurred, so a failure reads as a short list. */
function distinct(messages: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].slice(0, 30).map(([m, n]) => (n > 1 ? `${m} (×${n})` : m));
}

async function sql(c: mysql.Connection, text: string): Promise<unknown[][]> {
  const [rows] = await c.query({ sql: text, rowsAsArray: true });
  return Array.isArray(rows) ? (rows as unknown[][]) : [];
}

/** Dests and archive on, as the docs' procedure does; the realtime cluster runs at 20 virtual seconds a second. */
async function setUp(ctx: LoadContext, manualClock: boolean): Promise<void> {
  const c = await connect(ctx, 'mysql_tenant');
  await sql(c, "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/load/archive'");
  await sql(c, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/load/data'");
  await sql(c, 'ALTER SYSTEM ARCHIVELOG');
  await sql(c, manualClock ? 'ALTER EMULATOR ADVANCE TIME 10 SECONDS' : 'ALTER EMULATOR SET CLOCK REALTIME SPEED 20');
  await c.end();
}

interface ClusterTotals {
  readonly cluster: string;
  readonly jobs: number;
  readonly sets: number;
  readonly problems: string[];
}

/** Stops the clock, lets a day pass so every job ends, and checks the views and the engine's invariants. */
async function finish(ctx: LoadContext, stats: LoadStats): Promise<ClusterTotals> {
  const c = await connect(ctx, 'mysql_tenant');
  const sys = await connect(ctx, 'sys');
  await sql(c, 'ALTER SYSTEM ARCHIVELOG').catch(() => undefined); // a toggler may have left it off
  await sql(c, 'ALTER EMULATOR SET CLOCK MANUAL');
  await sql(c, 'ALTER EMULATOR ADVANCE TIME 1 DAYS');
  const problems: string[] = [];
  const live = await sql(sys, 'SELECT TENANT_ID, JOB_ID, STATUS FROM CDB_OB_BACKUP_JOBS');
  if (live.length > 0) problems.push(`jobs still live after a day: ${JSON.stringify(live)}`);
  const jobs: FinishedJob[] = (await sql(c, 'SELECT JOB_ID, STATUS, BACKUP_SET_ID, INITIATOR_TENANT_ID, END_TIMESTAMP FROM DBA_OB_BACKUP_JOB_HISTORY')).map((r) => ({
    jobId: String(r[0]), status: String(r[1]), setId: String(r[2]), initiatorTenantId: String(r[3]), endTimestamp: r[4] === null ? null : String(r[4]),
  }));
  const sets: SetRow[] = (await sql(c, 'SELECT BACKUP_SET_ID, BACKUP_TYPE, PREV_FULL_BACKUP_SET_ID, PREV_INC_BACKUP_SET_ID, STATUS, FILE_STATUS FROM DBA_OB_BACKUP_SET_FILES')).map((r) => ({
    setId: String(r[0]), type: String(r[1]), prevFull: String(r[2]), prevInc: String(r[3]), status: String(r[4]), fileStatus: String(r[5]),
  }));
  problems.push(...checkFinished(jobs, sets));
  const userJobs = jobs.filter((j) => j.initiatorTenantId !== '1').length;
  const sysJobs = (await sql(sys, 'SELECT JOB_ID, STATUS, END_TIMESTAMP FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = 1')).length;
  const acceptedUser = stats.accepted.get(`${ctx.cluster}/user`) ?? 0;
  const acceptedSys = stats.accepted.get(`${ctx.cluster}/sys`) ?? 0;
  if (userJobs !== acceptedUser) problems.push(`${acceptedUser} BACKUP statements accepted in the tenant, ${userJobs} self-initiated jobs`);
  if (sysJobs !== acceptedSys) problems.push(`${acceptedSys} BACKUP statements accepted in sys, ${sysJobs} sys jobs`);
  try {
    assertInvariants(server.inspect(ctx.cluster));
  } catch (err) {
    problems.push(`invariants: ${(err as Error).message}`);
  }
  await c.end();
  await sys.end();
  return { cluster: ctx.cluster, jobs: jobs.length, sets: sets.length, problems: problems.map((p) => `${ctx.cluster}: ${p}`) };
}

describe('load', () => {
  it(
    `64 connections on ${CLUSTERS.length} clusters for ${SECONDS} s (seed ${SEED}): no unexpected error, invariants intact, memory stable`,
    async () => {
      const stats = new LoadStats();
      let stop = false;
      const opened: number[] = [];
      const context = (cluster: (typeof CLUSTERS)[number], i: number): LoadContext => ({
        port: server.port, cluster: cluster.name, manualClock: cluster.manualClock, rand: rng(SEED * 7919 + i), stopped: () => stop, stats, opened,
      });
      await Promise.all(CLUSTERS.map((cl, i) => setUp(context(cl, 10_000 + i), cl.manualClock)));

      const runs = CLUSTERS.flatMap((cl, ci) => [...ROLES, reconnects].map((role, ri) => role(context(cl, ci * 100 + ri))));
      const running = Promise.all(runs);
      const warmUpMs = Math.min(5_000, (SECONDS * 1000) / 4);
      await new Promise((r) => setTimeout(r, warmUpMs));
      const rssWarm = process.memoryUsage().rss;
      const heapWarmMb = settledHeapMb();
      let rssPeak = rssWarm;
      let tick = 0;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        if (process.env.LOAD_TRACE && ++tick % 10 === 0) console.log(`t+${tick / 2}s statements ${stats.statements} heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
      }, 500);
      await new Promise((r) => setTimeout(r, SECONDS * 1000 - warmUpMs));
      stop = true;
      await running;
      clearInterval(sampler);
      const rssEnd = process.memoryUsage().rss;
      const heapEndMb = settledHeapMb();

      const totals = await Promise.all(CLUSTERS.map((cl, i) => finish(context(cl, 20_000 + i), stats)));
      for (const id of opened) {
        const { ending, detail } = await ledger.take(id);
        if (ending !== 'quit') stats.unexpected.push(`connection ${id} ended with ${ending} (${detail})`);
      }

      const mb = (n: number): number => Math.round(n / 1e6);
      const summary = {
        seconds: SECONDS, connections: CLUSTERS.length * ROLES.length, logins: opened.length, statements: stats.statements, expectedErrors: stats.expectedErrors,
        unexpectedErrors: stats.unexpected.length, jobs: totals.reduce((a, t) => a + t.jobs, 0), sets: totals.reduce((a, t) => a + t.sets, 0),
        rssWarmMb: mb(rssWarm), rssPeakMb: mb(rssPeak), rssEndMb: mb(rssEnd), heapWarmMb, heapEndMb,
      };
      console.log(`load: ${JSON.stringify(summary)}`);
      reportSoak('load', summary);

      expect(distinct(stats.unexpected)).toEqual([]);
      expect(distinct(totals.flatMap((t) => t.problems))).toEqual([]);
      expect(ledger.incidents).toBe(0);
      expect(ledger.violations).toEqual([]);
      expect(summary.jobs).toBeGreaterThan(0);
      expect(mb(rssEnd - rssWarm)).toBeLessThan(RSS_GROWTH_BOUND_MB);
    },
    SECONDS * 1000 + 120_000,
  );
});
