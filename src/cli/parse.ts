/**
 * `ob-backup-sim parse "<sql>"` and `parse -` (a script on stdin): prints each statement's AST as JSON, or, at the
 * first syntax error, OceanBase's 1064 message with line and column and exit code 1 (statements before the error
 * are printed first, as a client's multi-statement packet would have run them).
 */
import { stderr, stdin, stdout } from 'node:process';
import { parseSql } from '../sql/parse.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runParse(args: readonly string[]): Promise<number> {
  const [source, extra] = args;
  if (source === undefined || extra !== undefined) {
    stderr.write('usage: ob-backup-sim parse "<sql>" | parse -\n');
    return 2;
  }
  const sql = source === '-' ? await readStdin() : source;
  const { statements, error } = parseSql(sql);
  for (const s of statements) stdout.write(`${JSON.stringify(s.ast, null, 2)}\n`);
  if (error === null) return 0;
  stderr.write(`ERROR ${error.errno} (${error.sqlState}) at line ${error.line}, column ${error.column}: ${error.message}\n`);
  return 1;
}
