/**
 * What the statement handlers (statements.ts, query-statements.ts, session-statements.ts, restore-preview.ts) see
 * of a session. Session implements it; the handlers import this, not session.ts, which imports them.
 */
import type { EvalContext } from '../query/index.js';
import type { SqlValue } from '../result.js';
import type { ViewCatalog } from '../views/index.js';
import type { ClusterEntry } from './clusters.js';
import type { SessionTransaction } from './transaction.js';
import type { VariableStore } from './variables.js';

export interface SessionLogin {
  readonly tenantId: number;
  readonly tenantName: string;
  readonly user: string;
  /** The client's address as USER() shows it (`root@127.0.0.1`). */
  readonly host: string;
  readonly database: string | undefined;
}

export interface StatementSession {
  readonly entry: ClusterEntry;
  readonly login: SessionLogin;
  readonly variables: VariableStore;
  /** The open transaction's savepoints. */
  readonly transaction: SessionTransaction;
  database: string | undefined;
  /** LAST_INSERT_ID(): the first AUTO_INCREMENT value the session's last INSERT generated. */
  lastInsertId: bigint;
  /** The catalog of views as the session's tenant sees them now. */
  catalog(): ViewCatalog;
  /** What an expression of the running statement reads: parameters, variables, the instant, the database. */
  evalContext(params: readonly SqlValue[]): EvalContext;
}
