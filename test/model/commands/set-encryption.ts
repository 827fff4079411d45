/** SET ENCRYPTION ON IDENTIFIED BY '…' ONLY (statements.md §3.6, §8.1): any tenant; later backups of this session are PASSWORD mode. */
import type { Conn, Model } from '../model.js';
import { ModelCommand, ok } from './command.js';
import type { Prediction } from './command.js';

export class SetEncryption extends ModelCommand {
  constructor(readonly conn: Conn) {
    super();
  }

  statement(): string {
    return "SET ENCRYPTION ON IDENTIFIED BY 'model_password' ONLY";
  }

  check(): boolean {
    return true;
  }

  predict(m: Model): Prediction {
    return ok(() => {
      m.encrypted[this.conn] = true;
    });
  }
}
