/**
 * One client connection: greeting, authentication (with the switch to mysql_native_password), then commands
 * answered strictly in order, each reply's sequence ids continuing from the command's last packet.
 *
 * Anything malformed ends this connection only, with an ERR packet where the protocol allows and exactly one
 * warn line through the logger; the socket always has an error handler, so a vanished client never ends the
 * process. Input is paused while a reply waits on the session or on a slow reader, which bounds memory.
 */
import type { Socket } from 'node:net';
import { InvariantError, obError, obErrorWith, type ObError } from '../errors.js';
import { fieldList, initDb, processKill, setOption, statistics } from './commands.js';
import { WrongParameterError } from './execute-params.js';
import { FramingError, PacketFramer, type Frame } from './framer.js';
import { writeErr, writeOk } from './generic-packets.js';
import { isSslRequest, parseChangeUser, parseHandshakeResponse, writeAuthSwitch, writeHandshake } from './handshake.js';
import { MalformedPacketError, PacketReader } from './packet-reader.js';
import { PacketWriter } from './packet-writer.js';
import { LastStatementText } from './statement-text.js';
import { StatementTable, stmtClose, stmtExecute, stmtPrepare, stmtReset, stmtSendLongData } from './prepared.js';
import { Command, NATIVE_PASSWORD_PLUGIN } from './protocol.js';
import { writeQueryResults, type ReplyTarget } from './results.js';
import type { ConnectionLink, LoginOutcome, LoginRequest, SessionHost, WireLogger, WireSession } from './session-port.js';
import { isPromise, settle } from './settle.js';

export interface ConnectionConfig {
  readonly host: SessionHost;
  readonly logger: WireLogger;
  readonly serverVersion: string;
  readonly capabilities: number;
  readonly maxPacketBytes: number;
  readonly connectionId: number;
  readonly scramble: Buffer;
  readonly onClosed: (c: Connection) => void;
}

type Phase = 'handshake' | 'auth-switch' | 'authenticating' | 'command' | 'closed';

/** A login waiting for the client's answer to an AuthSwitchRequest. */
interface PendingAuth {
  readonly request: Omit<LoginRequest, 'authResponse'>;
  readonly changeUser: boolean;
}

const DESTROY_AFTER_END_MS = 2000;
/** Bytes read ahead while a statement runs before input is paused (bounds memory; KILL and FIN still arrive). */
const BUSY_READ_AHEAD_BYTES = 64 * 1024;

export class Connection implements ConnectionLink, ReplyTarget {
  readonly connectionId: number;
  readonly out: PacketWriter;
  private readonly framer: PacketFramer;
  private readonly statements = new StatementTable();
  private readonly queryText = new LastStatementText();
  private phase: Phase = 'handshake';
  private expectSeq = 1;
  private busy = false;
  private waitingDrain = false;
  /** The last socket write found the socket's buffer full: the reply waits for 'drain' before reading on. */
  private needDrain = false;
  private clientEnded = false;
  private incidentLogged = false;
  private pendingAuth: PendingAuth | null = null;
  private current: WireSession | null = null;
  capabilities = 0;

  constructor(
    private readonly socket: Socket,
    private readonly config: ConnectionConfig,
  ) {
    this.connectionId = config.connectionId;
    this.framer = new PacketFramer(config.maxPacketBytes);
    this.out = new PacketWriter((chunk) => {
      this.needDrain = !socket.destroyed && socket.writable ? !socket.write(chunk) : false;
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    socket.on('error', (err: NodeJS.ErrnoException) => this.incident('socket error', err.code ?? err.message));
    socket.on('close', () => this.onClose());
    socket.on('drain', () => this.onDrain());
    writeHandshake(this.out, {
      serverVersion: config.serverVersion,
      connectionId: config.connectionId,
      scramble: config.scramble,
      capabilities: config.capabilities,
    });
    this.out.flush();
  }

  get session(): WireSession {
    if (this.current === null) throw new InvariantError('no session before login');
    return this.current;
  }

  /** KILL from another connection, or server shutdown: no reply, the socket ends. */
  close(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.endSocket();
  }

  private get remote(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  private onData(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    this.framer.push(chunk);
    // While a reply waits, input is still read (so a client that goes away is seen) until a packet's worth piles up.
    if (this.busy && this.framer.buffered > BUSY_READ_AHEAD_BYTES) this.socket.pause();
    this.pump();
  }

  private onEnd(): void {
    this.clientEnded = true;
    if (!this.busy) this.pump();
    // The client went away while its statement runs: the statement is cancelled, as OceanBase does on disconnect.
    else this.current?.cancel?.();
  }

  private onDrain(): void {
    this.needDrain = false;
    if (!this.waitingDrain) return;
    this.waitingDrain = false;
    this.socket.resume();
    this.pump();
  }

  private onClose(): void {
    if (this.phase !== 'closed') {
      if (this.framer.midPacket) this.incident('truncated packet', `${this.framer.buffered} bytes of an incomplete packet`);
      else if (this.phase !== 'command') this.incident('disconnected before login', this.phase);
      else this.config.logger.debug('wire.disconnect', { conn: this.connectionId, remote: this.remote });
      this.phase = 'closed';
    }
    this.closeStatements();
    this.current?.close();
    this.current = null;
    this.config.onClosed(this);
  }

  /** Processes every complete packet, in order, until input runs out or a reply must wait. */
  private pump(): void {
    while (!this.busy && !this.waitingDrain && this.phase !== 'closed') {
      let frame: Frame | null;
      try {
        frame = this.framer.next(this.expectSeq);
      } catch (err) {
        this.fail(err);
        return;
      }
      if (frame === null) break;
      this.out.seq = (frame.lastSeq + 1) & 0xff;
      let pending: void | Promise<void>;
      try {
        pending = this.handle(frame.payload);
      } catch (err) {
        this.fail(err);
        return;
      }
      if (isPromise(pending)) this.wait(pending);
      else this.afterReply();
    }
    if (this.phase === 'closed') return;
    this.out.flush();
    if (this.clientEnded && !this.busy && !this.waitingDrain) this.finish();
  }

  private wait(pending: Promise<void>): void {
    this.busy = true;
    pending.then(
      () => {
        this.busy = false;
        if (this.phase === 'closed') return;
        this.socket.resume();
        this.afterReply();
        this.pump();
      },
      (err: unknown) => {
        this.busy = false;
        this.fail(err);
      },
    );
  }

  private afterReply(): void {
    if (this.phase === 'closed') return;
    this.out.flush();
    if (this.needDrain) {
      this.waitingDrain = true;
      this.socket.pause();
    }
  }

  private handle(payload: Buffer): void | Promise<void> {
    switch (this.phase) {
      case 'handshake':
        return this.onHandshakeResponse(payload);
      case 'auth-switch':
        return this.onAuthSwitchResponse(payload);
      case 'command':
        return this.onCommand(payload);
      case 'authenticating':
      case 'closed':
        throw new InvariantError(`no packet is read in phase ${this.phase}`);
    }
  }

  private onHandshakeResponse(payload: Buffer): void | Promise<void> {
    if (isSslRequest(payload)) throw new MalformedPacketError('SSLRequest, but TLS is not configured');
    const hs = parseHandshakeResponse(payload);
    this.capabilities = hs.capabilities & this.config.capabilities;
    return this.beginLogin({ ...hs, clientCapabilities: hs.capabilities }, false);
  }

  /**
   * The login a handshake response or a COM_CHANGE_USER asks for; a client that began with another plugin
   * (caching_sha2_password, …) is first asked for a native-password token.
   */
  private beginLogin(
    asked: Pick<LoginRequest, 'user' | 'database' | 'attributes' | 'charset' | 'clientCapabilities' | 'authResponse'> & { readonly plugin: string },
    changeUser: boolean,
  ): void | Promise<void> {
    const request = {
      connectionId: this.connectionId,
      user: asked.user,
      database: asked.database,
      attributes: asked.attributes,
      scramble: this.config.scramble,
      plugin: NATIVE_PASSWORD_PLUGIN,
      charset: asked.charset,
      clientCapabilities: asked.clientCapabilities,
      remoteAddress: this.socket.remoteAddress ?? '',
    };
    if (asked.plugin !== '' && asked.plugin !== NATIVE_PASSWORD_PLUGIN) return this.switchAuth({ request, changeUser });
    return this.login({ ...request, authResponse: asked.authResponse }, changeUser);
  }

  /** Asks the client for a native-password token (an AuthSwitchRequest). */
  private switchAuth(pending: PendingAuth): void {
    this.pendingAuth = pending;
    this.phase = 'auth-switch';
    writeAuthSwitch(this.out, this.config.scramble);
    this.expectSeq = this.out.seq;
  }

  private onAuthSwitchResponse(payload: Buffer): void | Promise<void> {
    const pending = this.pendingAuth;
    if (pending === null) throw new InvariantError('auth switch response without a pending login');
    this.pendingAuth = null;
    return this.login({ ...pending.request, authResponse: Buffer.from(payload) }, pending.changeUser);
  }

  private login(request: LoginRequest, changeUser: boolean): void | Promise<void> {
    this.phase = 'authenticating';
    if (changeUser) {
      return settle(this.session.changeUser(request), (error) => {
        this.toCommandPhase();
        if (error !== null) return writeErr(this.out, error);
        this.closeStatements();
        writeOk(this.out, { status: this.session.serverStatus() }, this.capabilities);
      });
    }
    return settle(this.config.host.authenticate(request, this), (outcome) => this.onLogin(outcome, request));
  }

  private onLogin(outcome: LoginOutcome, request: LoginRequest): void {
    if (this.phase === 'closed') {
      if (outcome.ok) outcome.session.close();
      return;
    }
    if (!outcome.ok) {
      this.closeWith('login refused', `${request.user}: ${outcome.error.message}`, outcome.error);
      return;
    }
    this.current = outcome.session;
    this.toCommandPhase();
    writeOk(this.out, { status: outcome.session.serverStatus() }, this.capabilities);
    this.config.logger.info('wire.login', { conn: this.connectionId, user: request.user, remote: this.remote });
  }

  private toCommandPhase(): void {
    if (this.phase !== 'closed') this.phase = 'command';
    this.expectSeq = 0;
  }

  private onCommand(payload: Buffer): void | Promise<void> {
    const r = new PacketReader(payload);
    const command = r.u8();
    switch (command) {
      case Command.QUERY:
        return settle(this.session.query(this.queryText.read(r)), (results) => writeQueryResults(this, results));
      case Command.STMT_EXECUTE:
        return stmtExecute(this, this.statements, r);
      case Command.STMT_PREPARE:
        return stmtPrepare(this, this.statements, r.restText());
      case Command.STMT_CLOSE:
        return stmtClose(this, this.statements, r);
      case Command.STMT_SEND_LONG_DATA:
        if (!stmtSendLongData(this.statements, r, this.config.maxPacketBytes)) {
          this.closeWith('long data too large', `over ${this.config.maxPacketBytes} bytes`, obError('OB_ERR_NET_PACKET_TOO_LARGE'));
        }
        return;
      case Command.STMT_RESET:
        return stmtReset(this, this.statements, r, () => this.ok());
      case Command.PING:
        return this.ok();
      case Command.QUIT:
        this.config.logger.debug('wire.quit', { conn: this.connectionId });
        return this.close();
      case Command.INIT_DB:
        return initDb(this, r);
      case Command.FIELD_LIST:
        return fieldList(this, r);
      case Command.STATISTICS:
        return statistics(this);
      case Command.PROCESS_KILL:
        return processKill(this, r, () => this.phase === 'closed');
      case Command.SET_OPTION:
        return setOption(this, r);
      case Command.RESET_CONNECTION:
        this.closeStatements();
        return settle(this.session.reset(), () => this.ok());
      case Command.CHANGE_USER:
        return this.changeUser(r);
      default:
        this.config.logger.debug('wire.unknown-command', { conn: this.connectionId, command });
        return writeErr(this.out, obError('OB_ERR_UNKNOWN_COM'));
    }
  }

  private changeUser(r: PacketReader): void | Promise<void> {
    const cu = parseChangeUser(r, this.capabilities);
    return this.beginLogin({ ...cu, charset: cu.charset ?? 0, clientCapabilities: this.capabilities }, true);
  }

  /** Forgets every prepared statement of the connection, here and in the session (close, reset, change user). */
  private closeStatements(): void {
    for (const entry of this.statements.clear()) this.current?.closePrepared(entry.statement);
  }

  private ok(): void {
    writeOk(this.out, { status: this.session.serverStatus() }, this.capabilities);
  }

  /** Turns a failure while reading or answering into one incident, an ERR where possible, and the end. */
  private fail(err: unknown): void {
    if (this.phase === 'closed') return;
    this.out.discardOpen();
    if (err instanceof FramingError) {
      this.out.seq = (err.seq + 1) & 0xff;
      const error = err.fault === 'too-large' ? obError('OB_ERR_NET_PACKET_TOO_LARGE') : obError('OB_ERR_NET_PACKETS_OUT_OF_ORDER');
      this.closeWith(err.fault === 'too-large' ? 'packet too large' : 'packets out of order', err.message, error);
    } else if (err instanceof MalformedPacketError) {
      const loggedIn = this.current !== null && this.phase === 'command';
      this.closeWith('malformed packet', err.message, obError(loggedIn ? 'OB_ERR_MALFORMED_PACKET' : 'OB_ERR_HANDSHAKE'));
    } else if (err instanceof WrongParameterError) {
      this.closeWith('wrong parameter', err.message, obErrorWith('OB_INVALID_ARGUMENT', 'mysqld_stmt_execute'));
    } else {
      const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.closeWith('internal error', detail, obError('OB_ERR_UNEXPECTED'));
    }
  }

  private closeWith(reason: string, detail: string, error: ObError): void {
    this.incident(reason, detail);
    writeErr(this.out, error);
    this.out.flush();
    this.phase = 'closed';
    this.endSocket();
  }

  private incident(reason: string, detail: string): void {
    if (this.incidentLogged) return;
    this.incidentLogged = true;
    this.config.logger.warn('wire.incident', { conn: this.connectionId, remote: this.remote, reason, detail });
  }

  /** The client half-closed and everything it sent is answered. */
  private finish(): void {
    if (this.phase !== 'command') this.incident('disconnected before login', this.phase);
    else if (this.framer.midPacket) this.incident('truncated packet', `${this.framer.buffered} bytes of an incomplete packet`);
    else this.config.logger.debug('wire.disconnect', { conn: this.connectionId, remote: this.remote });
    this.phase = 'closed';
    this.endSocket();
  }

  private endSocket(): void {
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), DESTROY_AFTER_END_MS);
    timer.unref();
    this.socket.once('close', () => clearTimeout(timer));
  }
}

