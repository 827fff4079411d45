/** A new session for a connection (statements.md §8.1): the SET ENCRYPTION user variables die with the old one. */
import type { Conn, Model } from '../model.js';
import type { Outcome, System } from '../system.js';
import { ModelCommand, ok } from './command.js';
import type { Prediction } from './command.js';

export class Reconnect extends ModelCommand {
  constructor(readonly conn: Conn) {
    super();
  }

  statement(): string {
    return '-- reconnect';
  }

  check(): boolean {
    return true;
  }

  override async act(s: System): Promise<Outcome> {
    await s.reconnect(this.conn);
    return { kind: 'ok' };
  }

  predict(m: Model): Prediction {
    return ok(() => {
      m.encrypted[this.conn] = false;
    });
  }

  override record(m: Model): string {
    this.predict(m).apply?.();
    return `# reconnect ${this.conn}: a new session, so SET ENCRYPTION no longer applies`;
  }
}
