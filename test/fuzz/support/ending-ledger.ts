/**
 * A WireLogger that keeps, per connection, how it ended: one `wire.incident` warn, one `wire.quit` or one
 * `wire.disconnect` line. The server's contract is exactly one such line per connection, so a second one, or any
 * other warn, is recorded as a violation. Entries are removed once a test has checked them, so memory stays flat
 * over a million inputs.
 */
import type { WireLogger } from '../../../src/wire/index.js';

export type Ending = 'incident' | 'quit' | 'disconnect';

type Fields = Readonly<Record<string, string | number>>;

export class EndingLedger implements WireLogger {
  private readonly endings = new Map<number, Ending>();
  private readonly details = new Map<number, string>();
  readonly violations: string[] = [];
  incidents = 0;

  debug = (event: string, fields: Fields): void => {
    if (event === 'wire.quit') this.record(fields, 'quit', '');
    else if (event === 'wire.disconnect') this.record(fields, 'disconnect', '');
  };

  info = (): void => undefined;

  warn = (event: string, fields: Fields): void => {
    if (event !== 'wire.incident') {
      this.violations.push(`unexpected warn ${event} ${JSON.stringify(fields)}`);
      return;
    }
    this.incidents++;
    this.record(fields, 'incident', `${String(fields.reason)}: ${String(fields.detail)}`);
  };

  /** Waits (bounded) for the connection's ending line, then forgets it. */
  async take(connectionId: number, timeoutMs = 20_000): Promise<{ ending: Ending; detail: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ending = this.endings.get(connectionId);
      if (ending !== undefined) {
        const detail = this.details.get(connectionId) ?? '';
        this.endings.delete(connectionId);
        this.details.delete(connectionId);
        return { ending, detail };
      }
      if (Date.now() > deadline) throw new Error(`connection ${connectionId} ended without a log line within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Connections whose ending line no test has taken. */
  untaken(): number[] {
    return [...this.endings.keys()];
  }

  private record(fields: Fields, ending: Ending, detail: string): void {
    const conn = Number(fields.conn);
    const before = this.endings.get(conn);
    if (before !== undefined) {
      this.violations.push(`connection ${conn} logged ${ending} after ${before}`);
      return;
    }
    this.endings.set(conn, ending);
    if (detail !== '') this.details.set(conn, detail);
  }
}
