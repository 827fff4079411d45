/**
 * The port between the wire and the session layer. It belongs to the session layer, so the import direction stays
 * one way (the wire imports it). The wire knows sessions, not engine internals: it hands a
 * session the login, the SQL text and the decoded parameters, and turns what comes back (typed result sets, OK
 * outcomes, ObErrors) into packets. The session layer implements SessionHost on top of the engine, parser and query
 * evaluator.
 *
 * Every method may answer synchronously (the engine is synchronous: the fast path) or with a Promise; the wire
 * keeps replies in command order either way.
 */
import type { ObError } from '../errors.js';
import type { ColumnDef, ResultSet, SqlValue } from '../result.js';

export type MaybePromise<T> = T | Promise<T>;

/** What a HandshakeResponse41 (or COM_CHANGE_USER) carries, decoded. */
export interface LoginRequest {
  readonly connectionId: number;
  /** The user string verbatim (`root@tenant#cluster`, `cluster:tenant:user`, …): parsing it is the session's job. */
  readonly user: string;
  readonly database: string | null;
  /** Connection attributes (`_client_name`, `__ob_client_…`, …). */
  readonly attributes: ReadonlyMap<string, string>;
  /** The mysql_native_password token: 20 bytes, or empty for an empty password. Check with verifyNativePassword. */
  readonly authResponse: Buffer;
  /** The 20-byte scramble the token was computed from. */
  readonly scramble: Buffer;
  /** Always mysql_native_password: other plugins are switched to it before the session sees the login. */
  readonly plugin: string;
  /** Collation id the client asked for. */
  readonly charset: number;
  readonly clientCapabilities: number;
  readonly remoteAddress: string;
}

/** The wire's handle on one connection, for the session layer (KILL of another connection). */
export interface ConnectionLink {
  readonly connectionId: number;
  /** Ends the connection as KILL does: no reply, the socket closes. */
  close(): void;
}

export type LoginOutcome = { readonly ok: true; readonly session: WireSession } | { readonly ok: false; readonly error: ObError };

/** A statement that changed something or returned no rows. */
export interface OkResult {
  readonly kind: 'ok';
  readonly affectedRows?: bigint | number;
  readonly lastInsertId?: bigint | number;
  readonly warnings?: number;
  /** Human-readable info (`Rows matched: …`); usually absent. */
  readonly info?: string;
  /** UPDATE's rows matched: what a client that asked for CLIENT_FOUND_ROWS sees as the affected rows. */
  readonly foundRows?: number;
}

export interface RowsResult {
  readonly kind: 'rows';
  readonly resultSet: ResultSet;
  readonly warnings?: number;
}

/** One statement's outcome: OK, a result set, or an error. */
export type StatementResult = OkResult | RowsResult | ObError;

/** The plain OK: no affected rows, no info, no insert id. */
export const OK: StatementResult = { kind: 'ok' };

/** A prepared statement as the session describes it; the wire numbers it and keeps it per connection. */
export interface PreparedStatement {
  readonly paramCount: number;
  /** The columns an execution will return (empty for statements without rows). */
  readonly columns: readonly ColumnDef[];
}

export interface SessionHost {
  /** Checks the login (tenant, cluster, password) and opens a session, or refuses with an ObError (1045, …). */
  authenticate(login: LoginRequest, link: ConnectionLink): MaybePromise<LoginOutcome>;
}

export interface WireSession {
  /**
   * Runs a COM_QUERY text. A multi-statement text gives one result per statement, in order, stopping after the
   * first error (spec/wire.md §10: split whatever the capability flags say). An empty array is answered with OK.
   */
  query(sql: string): MaybePromise<readonly StatementResult[]>;
  prepare(sql: string): MaybePromise<PreparedStatement | ObError>;
  /** Parameters decoded from the binary protocol: integers as bigint, floats as number, DECIMAL as Decimal,
   *  strings, blobs and long data as string, DATE/DATETIME/TIMESTAMP/TIME as their text form
   *  (`YYYY-MM-DD HH:MM:SS[.ffffff]`, as go-sql-driver sends time values), NULL as null. */
  executePrepared(statement: PreparedStatement, params: readonly SqlValue[]): MaybePromise<StatementResult>;
  closePrepared(statement: PreparedStatement): void;
  /** COM_INIT_DB (`USE db` of the CLI). Null means success. */
  initDb(database: string): MaybePromise<ObError | null>;
  /** COM_FIELD_LIST: the table's columns (wildcard as sent, often empty). */
  fieldList(table: string, wildcard: string): MaybePromise<readonly ColumnDef[] | ObError>;
  /** COM_STATISTICS: the one-line status text (`Uptime: … Threads: …`). */
  statistics(): MaybePromise<string>;
  /** COM_RESET_CONNECTION: back to the state right after login (variables, SET ENCRYPTION, …). */
  reset(): MaybePromise<void>;
  /** COM_CHANGE_USER: re-authenticates this connection; on error the session stays as it was. */
  changeUser(login: LoginRequest): MaybePromise<ObError | null>;
  /** COM_PROCESS_KILL. Null means success. */
  kill(connectionId: number): MaybePromise<ObError | null>;
  /** Status flags for OK and EOF packets, e.g. 0x0002 AUTOCOMMIT. The wire strips 0x0004 and sets 0x0008 itself. */
  serverStatus(): number;
  /**
   * The session time zone's offset from UTC in seconds at the given instant (named zones may change offset over
   * time). The wire renders DATETIME and TIMESTAMP values as local wall-clock time with it; DATE values are calendar
   * days stored at UTC midnight and are rendered without an offset.
   */
  utcOffsetSeconds(utcMicros: bigint): number;
  /**
   * The session's time zone as set (`+08:00`, `SYSTEM`, `Asia/Shanghai`), or undefined for the default. While it
   * stays the same, utcOffsetSeconds gives the same answers, so the wire may reuse times it rendered with them.
   */
  timeZone(): string | undefined;
  /** The connection ended (COM_QUIT, disconnect, KILL, server shutdown). Called once. */
  /** The client went away while a statement runs: the statement stops at its next check. */
  cancel?(): void;
  close(): void;
}

/** Where the wire reports what happens: one call per incident (warn), connection events at info and debug. */
export interface WireLogger {
  debug(event: string, fields: Readonly<Record<string, string | number>>): void;
  info(event: string, fields: Readonly<Record<string, string | number>>): void;
  warn(event: string, fields: Readonly<Record<string, string | number>>): void;
}
