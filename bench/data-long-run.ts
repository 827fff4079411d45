/**
 * `npm run bench:data`, second part (issue 20 Must show): does a long-running tenant with steady writes stay flat?
 * 30 virtual days on the manual clock, in process: every virtual minute one UPDATE rewrites 100 rows (144,000 row
 * versions a day), a FULL backup every day, archiving on, and a delete policy with a 1-day recovery window, so
 * cleaning moves the oldest restorable point and the data plane prunes what no restore can reach any more. RSS is
 * printed after a full GC at the end of each day. The reference, in the same run, is the same schedule without the
 * writes: what grows there (job, set and piece history a cluster keeps for good) is not the data plane's. The figure
 * is the writes' own growth per day from day 10 (the window and V8's heap have settled) to the last day.
 *
 * The write rate is 1/60 of the 100 rows per virtual second: that is 259 million row versions in 30 days,
 * about 20 minutes of commits at this emulator's 200,000 rows per second, which no benchmark run should take; the
 * realtime × 10,000 clock of the issue would need a million rows per real second. What stays flat at one rate
 * stays flat at another: what is kept is bounded by the recovery window, not by the run's length.
 */
import { createEmulator } from '../src/index.js';
import { gcRss, ok } from './data-support.js';

const DAYS = Number(process.env['BENCH_DAYS'] ?? 30);
const MB = 1024 * 1024;

/** One run: RSS after a GC at the end of each day; `writes` false is the reference (the same schedule, no rows). */
function run(writes: boolean): { rss: number[]; versions: number; seconds: number } {
  const emu = createEmulator({ clock: 'manual', startTime: '2026-01-01T00:00:00Z', seed: 3 });
  const t = emu.session({ tenant: 'mysql_tenant' });
  for (const sql of [
    "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/long/archive'",
    "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/long/data'",
    'ALTER SYSTEM ARCHIVELOG',
    "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'",
    'CREATE DATABASE app',
    'CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(16) NOT NULL, n BIGINT NOT NULL)',
    `INSERT INTO app.t VALUES ${Array.from({ length: 100 }, (_, i) => `(${i}, 'v', 0)`).join(', ')}`,
  ]) {
    ok(t, sql);
  }
  // The round reaches DOING before the first backup.
  emu.advance('1m');
  const started = performance.now();
  const rss: number[] = [];
  let versions = 0;
  for (let day = 1; day <= DAYS; day++) {
    ok(t, 'ALTER SYSTEM BACKUP DATABASE');
    for (let minute = 0; minute < 1440; minute++) {
      if (writes) {
        ok(t, `UPDATE app.t SET v = 'd${day}m${minute}', n = n + 1`);
        versions += 100;
      }
      emu.advance('1m');
    }
    rss.push(gcRss());
  }
  emu.close();
  return { rss, versions, seconds: (performance.now() - started) / 1000 };
}

const mb = (b: number): string => `${(b / MB).toFixed(1)} MB`;
const at = (rss: readonly number[], day: number): number => rss[Math.min(day, rss.length) - 1] as number;
const perDayKb = (rss: readonly number[]): number => ((at(rss, DAYS) - at(rss, 10)) / 1024) / Math.max(1, DAYS - 10);

const reference = run(false);
const measured = run(true);
const extra = perDayKb(measured.rss) - perDayKb(reference.rss);
console.log(`bench:data long run: ${DAYS} virtual days, ${measured.versions.toLocaleString('en')} row versions (100 rows rewritten a virtual minute), daily FULL, RECOVERY_WINDOW 1d, in ${measured.seconds.toFixed(0)} s`);
console.log(`  RSS after a GC, day by day (MB): ${measured.rss.map((b) => (b / MB).toFixed(0)).join(' ')}`);
console.log(`  reference, same schedule without the writes: ${reference.rss.map((b) => (b / MB).toFixed(0)).join(' ')}`);
console.log(
  `  from day 10 to day ${DAYS}: ${mb(at(measured.rss, 10))} -> ${mb(at(measured.rss, DAYS))}, ${perDayKb(measured.rss).toFixed(0)} KB a day; reference ${perDayKb(reference.rss).toFixed(0)} KB a day; ` +
    `the writes' own: ${extra.toFixed(0)} KB a day (target: flat, under 100 KB a day)  ${extra < 100 ? 'ok' : 'MISSED'}`,
);
