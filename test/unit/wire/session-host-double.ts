/**
 * A TEST DOUBLE of the session layer for the wire's tests: a handful of canned statements returning typed result
 * sets, OK outcomes and ObErrors, a naive `;` split, and real native-password checking for user `root` / `secret`.
 * It stands in for the engine-backed SessionHost the session layer provides; nothing outside test/ uses it.
 */
import { obError, obErrorWith, type ObError } from '../../../src/errors.js';
import { Decimal, Temporal, type ColumnDef, type ResultSet, type SqlValue } from '../../../src/result.js';
import { nativePasswordStage2, verifyNativePassword } from '../../../src/wire/native-password.js';
import type {
  ConnectionLink,
  LoginOutcome,
  LoginRequest,
  PreparedStatement,
  SessionHost,
  StatementResult,
  WireSession,
} from '../../../src/wire/session-port.js';

export const PASSWORD = 'secret';
const STAGE2 = nativePasswordStage2(PASSWORD);

export const TYPED_COLUMNS: readonly ColumnDef[] = [
  { name: 'ID', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false, schema: 'oceanbase', table: 'T', orgTable: 'T', orgName: 'ID' },
  { name: 'SCN', type: { base: 'bigint', width: 20, unsigned: true }, nullable: true },
  { name: 'N', type: { base: 'int', width: 11, unsigned: false }, nullable: true },
  { name: 'FLAG', type: { base: 'tinyint', width: 4, unsigned: false }, nullable: true },
  { name: 'AMOUNT', type: { base: 'decimal', precision: 10, scale: 2 }, nullable: true },
  { name: 'RATIO', type: { base: 'double' }, nullable: true },
  { name: 'NAME', type: { base: 'varchar', length: 128 }, nullable: true },
  { name: 'CODE', type: { base: 'char', length: 2 }, nullable: true },
  { name: 'BODY', type: { base: 'longtext' }, nullable: true },
  { name: 'TS', type: { base: 'timestamp', fsp: 6 }, nullable: true },
  { name: 'DT', type: { base: 'datetime', fsp: 0 }, nullable: true },
  { name: 'D', type: { base: 'date' }, nullable: true },
];

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): bigint => BigInt(Date.UTC(y, mo - 1, d, h, mi, s)) * 1000n;

export const TYPED_ROWS: readonly (readonly SqlValue[])[] = [
  [
    42n,
    18446744073709551615n,
    -7n,
    1n,
    new Decimal(-12345n, 2),
    0.5,
    'héllo',
    'ab',
    'long text',
    new Temporal('TIMESTAMP', utc(2024, 1, 2, 3, 4, 5) + 123456n),
    new Temporal('DATETIME', utc(2024, 1, 2)),
    new Temporal('DATE', utc(2024, 1, 2)),
  ],
  [43n, null, null, null, null, null, null, null, null, null, null, null],
];

/** What the rows above look like in the session's zone (+08:00), as text. */
export const TYPED_TEXT = [
  ['42', '18446744073709551615', '-7', '1', '-123.45', '0.5', 'héllo', 'ab', 'long text', '2024-01-02 11:04:05.123456', '2024-01-02 08:00:00', '2024-01-02'],
  ['43', null, null, null, null, null, null, null, null, null, null, null],
];

const one = (name: string, value: SqlValue): ResultSet => ({
  columns: [{ name, type: { base: 'varchar', length: 65535 }, nullable: true }],
  rows: [[value]],
});

function render(v: SqlValue): SqlValue {
  if (v === null) return null;
  if (v instanceof Decimal) return `decimal:${v.toString()}`;
  if (typeof v === 'bigint') return `bigint:${v}`;
  if (typeof v === 'number') return `number:${v}`;
  if (typeof v === 'string') return `string:${v}`;
  return 'temporal';
}

class SessionDouble implements WireSession {
  database: string | null;
  closed = false;
  private autocommit = true;

  constructor(
    readonly login: LoginRequest,
    private readonly host: SessionHostDouble,
  ) {
    this.database = login.database;
  }

  /** COM_QUERY texts answered so far. */
  queries = 0;

  query(sql: string): StatementResult[] {
    this.queries++;
    const out: StatementResult[] = [];
    for (const part of sql.split(';').map((s) => s.trim()).filter((s) => s !== '')) {
      const r = this.one(part);
      out.push(r);
      if (r.kind === 'ObError') break;
    }
    return out;
  }

  private one(sql: string): StatementResult {
    const lower = sql.toLowerCase();
    if (lower === 'select 1') return { kind: 'rows', resultSet: { columns: [{ name: '1', type: { base: 'bigint', width: 1, unsigned: false }, nullable: false }], rows: [[1n]] } };
    if (lower === 'select typed') return { kind: 'rows', resultSet: { columns: TYPED_COLUMNS, rows: TYPED_ROWS } };
    if (lower === 'select database()') return { kind: 'rows', resultSet: one('DATABASE()', this.database) };
    if (lower === 'select user()') return { kind: 'rows', resultSet: one('USER()', this.login.user) };
    if (lower.startsWith('big ')) return { kind: 'rows', resultSet: one('BIG', 'x'.repeat(Number(lower.slice(4)))) };
    if (lower.startsWith('len ')) return { kind: 'rows', resultSet: { columns: [{ name: 'LEN', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false }], rows: [[BigInt(Buffer.byteLength(sql) - 4)]] } };
    if (lower.startsWith('rows ')) {
      const n = Number(lower.slice(5));
      return { kind: 'rows', resultSet: { columns: [TYPED_COLUMNS[0] as ColumnDef], rows: Array.from({ length: n }, (_, i) => [BigInt(i)]) } };
    }
    if (lower === 'set autocommit = 0') {
      this.autocommit = false;
      return { kind: 'ok' };
    }
    if (lower.startsWith('set ') || lower.startsWith('alter system')) return { kind: 'ok', affectedRows: 0 };
    // An UPDATE that matched two rows and changed one: CLIENT_FOUND_ROWS clients are told 2.
    if (lower.startsWith('update')) return { kind: 'ok', affectedRows: 1, foundRows: 2, info: 'Rows matched: 2  Changed: 1  Warnings: 0' };
    if (lower.startsWith('insert')) return { kind: 'ok', affectedRows: 3, lastInsertId: 7, warnings: 1, info: 'Records: 3  Duplicates: 0  Warnings: 1' };
    if (lower === 'boom') return obErrorWith('OB_BACKUP_CAN_NOT_START', 'log archive is not doing');
    if (lower === 'bad value') return { kind: 'rows', resultSet: { columns: [TYPED_COLUMNS[0] as ColumnDef], rows: [[1n], ['not a number']] } };
    return obError('OB_NOT_SUPPORTED');
  }

  prepare(sql: string): PreparedStatement | ObError {
    const paramCount = (sql.match(/\?/g) ?? []).length;
    if (sql.toLowerCase().startsWith('echo')) {
      const columns: ColumnDef[] = Array.from({ length: paramCount }, (_, i) => ({ name: `P${i}`, type: { base: 'varchar', length: 4096 }, nullable: true }));
      return { sql, paramCount, columns } as PreparedStatement;
    }
    if (sql.toLowerCase().startsWith('select typed')) return { sql, paramCount, columns: TYPED_COLUMNS } as PreparedStatement;
    if (sql.toLowerCase().startsWith('set')) return { sql, paramCount, columns: [] } as PreparedStatement;
    if (sql.toLowerCase() === 'bad value') return { sql, paramCount, columns: [TYPED_COLUMNS[0] as ColumnDef] } as PreparedStatement;
    return obError('OB_NOT_SUPPORTED');
  }

  executePrepared(statement: PreparedStatement, params: readonly SqlValue[]): StatementResult {
    this.host.executed.push(params);
    const sql = (statement as PreparedStatement & { sql: string }).sql.toLowerCase();
    if (sql.startsWith('echo')) return { kind: 'rows', resultSet: { columns: statement.columns, rows: [params.map(render)] } };
    if (sql.startsWith('select typed')) return { kind: 'rows', resultSet: { columns: TYPED_COLUMNS, rows: TYPED_ROWS } };
    if (sql === 'bad value') return this.one('bad value');
    return { kind: 'ok', affectedRows: 1 };
  }

  closePrepared(): void {
    this.host.closedStatements++;
  }

  initDb(database: string): ObError | null {
    if (database === 'nope') return obErrorWith('OB_ERR_BAD_DATABASE', database);
    this.database = database;
    return null;
  }

  fieldList(table: string): readonly ColumnDef[] | ObError {
    return table === 'T' ? TYPED_COLUMNS.slice(0, 2) : obError('OB_NOT_SUPPORTED');
  }

  statistics(): string {
    return 'Uptime: 1  Threads: 1  Questions: 1  Slow queries: 0  Opens: 0  Open tables: 0  Queries per second avg: 1.000';
  }

  reset(): void {
    this.autocommit = true;
  }

  changeUser(login: LoginRequest): ObError | null {
    return this.host.check(login);
  }

  kill(connectionId: number): ObError | null {
    const link = this.host.links.get(connectionId);
    if (link === undefined) return obError('OB_NOT_SUPPORTED');
    link.close();
    return null;
  }

  serverStatus(): number {
    return this.autocommit ? 0x0002 : 0;
  }

  utcOffsetSeconds(): number {
    return 8 * 3600;
  }

  timeZone(): string | undefined {
    return '+08:00';
  }

  close(): void {
    this.closed = true;
  }
}

export class SessionHostDouble implements SessionHost {
  readonly sessions: SessionDouble[] = [];
  readonly logins: LoginRequest[] = [];
  readonly links = new Map<number, ConnectionLink>();
  readonly executed: (readonly SqlValue[])[] = [];
  closedStatements = 0;
  /** When set, logins resolve through a Promise after this many milliseconds (an asynchronous host). */
  delayMs: number | null = null;

  check(login: LoginRequest): ObError | null {
    const userPart = login.user.split('@')[0] ?? '';
    const ok = userPart === 'root' && verifyNativePassword(login.authResponse, login.scramble, STAGE2);
    return ok ? null : obErrorWith('OB_PASSWORD_WRONG', userPart, login.remoteAddress, login.authResponse.length > 0 ? 'YES' : 'NO');
  }

  authenticate(login: LoginRequest, link: ConnectionLink): LoginOutcome | Promise<LoginOutcome> {
    this.logins.push(login);
    const error = this.check(login);
    let outcome: LoginOutcome;
    if (error !== null) outcome = { ok: false, error };
    else {
      const session = new SessionDouble(login, this);
      this.sessions.push(session);
      this.links.set(login.connectionId, link);
      outcome = { ok: true, session };
    }
    const delay = this.delayMs;
    if (delay === null) return outcome;
    return new Promise((resolve) => setTimeout(() => resolve(outcome), delay));
  }
}

/** A logger double that records every line. */
export class RecordingLogger {
  readonly lines: { level: 'debug' | 'info' | 'warn'; event: string; fields: Readonly<Record<string, string | number>> }[] = [];
  debug = (event: string, fields: Readonly<Record<string, string | number>>): void => void this.lines.push({ level: 'debug', event, fields });
  info = (event: string, fields: Readonly<Record<string, string | number>>): void => void this.lines.push({ level: 'info', event, fields });
  warn = (event: string, fields: Readonly<Record<string, string | number>>): void => void this.lines.push({ level: 'warn', event, fields });

  warnings(): typeof this.lines {
    return this.lines.filter((l) => l.level === 'warn');
  }
}
