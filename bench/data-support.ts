/** What the data plane's benches share: a statement that must succeed, and resident memory after a full GC. */
import type { EmulatorSession } from '../src/index.js';

/** Runs `sql`; an error ends the bench, naming the statement. */
export function ok(s: EmulatorSession, sql: string): void {
  const r = s.execute(sql);
  if (r.kind === 'ObError') throw new Error(`${sql.slice(0, 80)}: ${r.message}`);
}

/** RSS after two full collections (run node with --expose-gc; without it, RSS as it is). */
export function gcRss(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().rss;
}
