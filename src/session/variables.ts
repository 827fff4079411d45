/**
 * A session's variables: user variables (`@x`, which SET ENCRYPTION also writes, statements.md §8) and the
 * session-scope system variables it has changed. Names are case-insensitive, as in MySQL.
 */
import type { SessionVariables } from '../engine/index.js';
import type { SysVarValue } from '../query/index.js';
import { Decimal, Temporal, type SqlValue } from '../result.js';

export class VariableStore {
  readonly user = new Map<string, SqlValue>();
  readonly session = new Map<string, SysVarValue>();

  /** The engine's view of the user variables: strings in, strings out. */
  readonly engineView: SessionVariables = {
    get: (name) => {
      const value = this.user.get(name.toLowerCase());
      return value === undefined || value === null ? null : plainText(value);
    },
    set: (name, value) => {
      this.user.set(name.toLowerCase(), value);
    },
    delete: (name) => {
      this.user.delete(name.toLowerCase());
    },
  };

  /** Back to the state right after login (COM_RESET_CONNECTION, a new connection). */
  clear(): void {
    this.user.clear();
    this.session.clear();
  }
}

function plainText(value: Exclude<SqlValue, null>): string {
  if (value instanceof Decimal) return value.toString();
  if (value instanceof Temporal) return String(value.utcMicros);
  return String(value);
}
