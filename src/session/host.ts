/**
 * Logins (statements.md §9, emulator.md "Clusters" and "Defaults"): the handshake user string picks the cluster and
 * the tenant; an unknown tenant is refused with 1045 in OceanBase's words. Authentication is permissive (any user
 * and password for an existing tenant) unless a password is configured, in which case only root (or SYS in an
 * Oracle-mode tenant) with that password gets in.
 */
import { isObError, obError, type ObError } from '../errors.js';
import type { ClusterRegistry } from './clusters.js';
import { parseLoginName } from './login.js';
import { openSession } from './open-session.js';
import type { ConnectionLink, LoginOutcome, LoginRequest, SessionHost } from './port.js';
import type { Session } from './session.js';
import { WireSessionAdapter } from './wire-session.js';

/** Checks a mysql_native_password token against a password (injected: the hashing lives with the protocol). */
export type PasswordCheck = (token: Buffer, scramble: Buffer, password: string) => boolean;

export class EmulatorHost implements SessionHost {
  constructor(
    readonly clusters: ClusterRegistry,
    private readonly checkPassword: PasswordCheck,
  ) {}

  authenticate(login: LoginRequest, link: ConnectionLink): LoginOutcome {
    const opened = this.open(login, login.connectionId);
    if (isObError(opened)) return { ok: false, error: opened };
    this.register(opened, link);
    return { ok: true, session: new WireSessionAdapter(opened, this, link) };
  }

  /** Makes a connection visible to KILL and SHOW PROCESSLIST in its cluster. */
  register(session: Session, link: ConnectionLink): void {
    session.entry.connections.set(link.connectionId, {
      connectionId: link.connectionId,
      user: session.login.user,
      tenant: session.login.tenantName,
      host: session.login.host,
      database: () => session.database,
      kill: () => link.close(),
      cancelQuery: () => session.cancel(),
    });
  }

  /** A session for a wire login, or the error a real observer gives. */
  open(login: LoginRequest, connectionId: number): Session | ObError {
    const name = parseLoginName(login.user);
    if (name === null) return obError('OB_ERR_INVALID_TENANT_NAME');
    return openSession(this.clusters, { cluster: name.cluster, tenant: name.tenant, user: name.user, database: login.database ?? undefined }, {
      connectionId,
      host: hostOf(login.remoteAddress),
      sentPassword: login.authResponse.length > 0,
      knowsPassword: (password) => this.checkPassword(login.authResponse, login.scramble, password),
    });
  }
}

/** `127.0.0.1` from `::ffff:127.0.0.1`, as OceanBase prints client addresses. */
function hostOf(remoteAddress: string): string {
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice('::ffff:'.length) : remoteAddress;
}
