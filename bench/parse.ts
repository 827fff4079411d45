/**
 * Parse throughput: statements per second over a corpus of short backup statements and the queries real tools
 * send (clients.md §4–5), one core, after a warm-up. Target: at least 100,000 statements per second.
 * Measured in CPU time of this process, not wall time: on a shared 2-core machine, time spent waiting for the core
 * is not the parser's. `npm run bench:parse` runs Node with --single-threaded-gc, so the collector works on the
 * same thread and the CPU time is one core's (parallel scavenges would otherwise add a second core's time).
 */
import { parse } from '../grammar/index.js';

const corpus = [
  'ALTER SYSTEM ARCHIVELOG TENANT = t1',
  'ALTER SYSTEM NOARCHIVELOG',
  'ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG',
  'ALTER SYSTEM BACKUP INCREMENTAL TENANT = t1 PLUS ARCHIVELOG',
  'ALTER SYSTEM CANCEL BACKUP TENANT = t1',
  "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/backup/t1' TENANT = t1",
  "alter system set LOG_ARCHIVE_DEST = 'LOCATION=file:///data/archive PIECE_SWITCH_INTERVAL=1d BINDING=Optional'",
  "SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY",
  "ALTER SYSTEM RESTORE t1r FROM 'file:///a,file:///b' UNTIL TIME='2024-05-01 12:00:00' WITH 'pool_list=p1'",
  "ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '8d' TENANT t1",
  'SELECT job_id, status, backup_type FROM DBA_OB_BACKUP_JOBS WHERE backup_type = \'FULL\' order by job_id DESC LIMIT 1',
  'SELECT count(*) FROM `oceanbase`.`CDB_OB_BACKUP_JOBS` WHERE TENANT_ID = ?',
  "SELECT VALUE FROM oceanbase.CDB_OB_ARCHIVE_DEST WHERE TENANT_ID=1002 AND NAME='path'",
  'SELECT * FROM oceanbase.CDB_OB_ARCHIVELOG limit 20',
  'select @@time_zone',
  "show parameters like '%backup%'",
  'SET SESSION ob_query_timeout=1000000000',
  'SELECT COALESCE(MAX(CHECKPOINT_SCN), 0) FROM oceanbase.CDB_OB_ARCHIVELOG WHERE tenant_id=1002',
];

function run(rounds: number): number {
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const sql of corpus) {
      const result = parse(sql);
      if (result.error !== null) throw new Error(`bench corpus does not parse: ${sql}`);
      n += result.statements.length;
    }
  }
  return n;
}

/** Statements per CPU-second over `seconds` of parsing (CPU time, so another process's load is not counted). */
function window(seconds: number): number {
  const before = process.cpuUsage();
  let count = 0;
  let used = 0;
  while (used < seconds * 1e6) {
    count += run(500);
    const u = process.cpuUsage(before);
    used = u.user + u.system;
  }
  return count / (used / 1e6);
}

// The JIT keeps improving the parse for the first few seconds: warm up for three, then time five one-second windows.
window(3);
const rates = Array.from({ length: 5 }, () => window(1)).sort((a, b) => a - b);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const median = rates[2] as number;
console.log(
  `parse: ${fmt(median)} statements/s (median of 5 one-second windows, CPU time; range ${fmt(rates[0] as number)}-${fmt(rates[4] as number)}, corpus of ${corpus.length}; target 100,000)`,
);
