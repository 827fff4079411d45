/**
 * A Session seen through the wire's port: the utility commands (COM_INIT_DB, COM_FIELD_LIST, COM_STATISTICS,
 * COM_CHANGE_USER, COM_PROCESS_KILL, …) on top of the statement path.
 */
import { autocommit as sessionAutocommit } from './data-statements.js';
import { isObError, obErrorWith, type ObError } from '../errors.js';
import type { ColumnDef, SqlValue } from '../result.js';
import type { ConnectionLink, LoginRequest, PreparedStatement, StatementResult, WireSession } from './port.js';
import type { Session, SessionPrepared } from './session.js';

/** What COM_CHANGE_USER needs of the host (host.ts, which makes this adapter): a new session, registered. */
export interface SessionOpener {
  open(login: LoginRequest, connectionId: number): Session | ObError;
  register(session: Session, link: ConnectionLink): void;
}

/** SERVER_STATUS_AUTOCOMMIT: OceanBase's OK after login carries exactly this (wire.md §3). */
const STATUS_AUTOCOMMIT = 0x0002;
const STATUS_IN_TRANS = 0x0001;

export class WireSessionAdapter implements WireSession {
  constructor(
    private session: Session,
    private readonly host: SessionOpener,
    private readonly link: ConnectionLink,
  ) {}

  query(sql: string): readonly StatementResult[] | Promise<readonly StatementResult[]> {
    return this.session.queryYielding(sql);
  }

  prepare(sql: string): PreparedStatement | ObError {
    return this.session.prepare(sql);
  }

  executePrepared(statement: PreparedStatement, params: readonly SqlValue[]): StatementResult {
    return this.session.executePrepared(statement as SessionPrepared, params);
  }

  closePrepared(statement: PreparedStatement): void {
    this.session.closePrepared(statement as SessionPrepared);
  }

  initDb(database: string): ObError | null {
    const result = this.session.run({ kind: 'Use', database }, []);
    return isObError(result) ? result : null;
  }

  fieldList(table: string, _wildcard: string): readonly ColumnDef[] | ObError {
    const found = this.session.catalog().resolve(undefined, table);
    if (found === undefined) return obErrorWith('OB_TABLE_NOT_EXIST', this.session.database ?? '', table);
    return found.columns;
  }

  statistics(): string {
    const entry = this.session.entry;
    const uptimeSeconds = Math.max(1, Math.floor((entry.cluster.state.nowUs - entry.startedUs) / 1_000_000));
    return `Uptime: ${uptimeSeconds}  Threads: ${entry.connections.size}  Questions: ${entry.questions}  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0  Queries per second avg: ${(entry.questions / uptimeSeconds).toFixed(3)}`;
  }

  reset(): void {
    this.session.reset();
  }

  changeUser(login: LoginRequest): ObError | null {
    const next = this.host.open(login, this.link.connectionId);
    if (isObError(next)) return next;
    this.forget();
    this.session = next;
    this.host.register(next, this.link);
    return null;
  }

  kill(connectionId: number): ObError | null {
    const target = this.session.entry.connections.get(connectionId);
    if (target === undefined) return obErrorWith('OB_UNKNOWN_CONNECTION', connectionId);
    target.kill();
    return null;
  }

  serverStatus(): number {
    const autocommit = sessionAutocommit(this.session);
    // SERVER_STATUS_IN_TRANS while a transaction is open: drivers and pools read it to know one is.
    const inTransaction = this.session.transaction.isOpen(autocommit) && (autocommit || this.session.transaction.hasWrites()) ? STATUS_IN_TRANS : 0;
    return (autocommit ? STATUS_AUTOCOMMIT : 0) | inTransaction;
  }

  utcOffsetSeconds(utcMicros: bigint): number {
    return this.session.utcOffsetSeconds(utcMicros);
  }

  timeZone(): string | undefined {
    return this.session.timeZone();
  }

  cancel(): void {
    this.session.cancel();
  }

  close(): void {
    this.session.cancel();
    this.forget();
  }

  private forget(): void {
    this.session.entry.connections.delete(this.link.connectionId);
  }
}
