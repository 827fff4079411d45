/**
 * The entry point of the start-up snapshot `npm start` runs (`node --snapshot-blob dist/snapshot/serve.blob serve`)
 * and of the single-file executable's (scripts/build-exe.mjs).
 * scripts/build-snapshot.mjs bundles this file into one CommonJS script and has Node run it once at build time:
 * the modules are loaded and the parser is built and has read the statements clients send on connecting, and V8
 * saves that heap. A process started from the blob begins there, skipping module loading (some 200 modules) and
 * the parser's construction: most of a fresh server's time to its first answer.
 */
import process from 'node:process';
import { isSea } from 'node:sea';
import { startupSnapshot } from 'node:v8';
import { parse } from '../../grammar/index.js';
import { main } from './cli.js';

/** What drivers send right after the handshake (clients.md §1), so their lookahead is built into the snapshot. */
const CONNECT_TIME_STATEMENTS = [
  'SELECT 1',
  'select @@version_comment limit 1',
  'SELECT @@session.auto_increment_increment AS auto_increment_increment, @@character_set_client AS character_set_client',
  "SHOW VARIABLES LIKE 'lower_case_table_names'",
  "SET NAMES utf8mb4 COLLATE 'utf8mb4_general_ci'",
  'SET autocommit=1, sql_mode = concat(@@sql_mode, ",STRICT_TRANS_TABLES")',
  'SELECT job_id, status FROM oceanbase.DBA_OB_BACKUP_JOBS WHERE backup_type = ? ORDER BY job_id DESC LIMIT 1',
  'ALTER SYSTEM BACKUP DATABASE',
];

function run(args: readonly string[]): void {
  void main(args).then((code) => process.exit(code));
}

if (startupSnapshot.isBuildingSnapshot()) {
  for (const sql of CONNECT_TIME_STATEMENTS) {
    if (parse(sql).error !== null) throw new Error(`snapshot warm-up statement does not parse: ${sql}`);
  }
  // Started from the blob, argv is [node, ...arguments]: there is no script path. In the single-file executable
  // (scripts/build-exe.mjs) it is [executable, the name it was run by, ...arguments].
  startupSnapshot.setDeserializeMainFunction(() => run(process.argv.slice(isSea() ? 2 : 1)));
} else {
  run(process.argv.slice(2));
}
