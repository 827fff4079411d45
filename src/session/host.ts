/**
 * Logins (statements.md §9, emulator.md "Clusters" and "Defaults"): the handshake user string picks the cluster and
 * the tenant; an unknown tenant is refused with 1045 in OceanBase's words. Authentication is permissive (any user
 * and password for an existing tenant) unless a password is configured, in which case only root (or SYS in an
 * Oracle-mode tenant) with that password gets in.
 */
import { findTenantByName } from '../engine/index.js';
import { obError, obErrorWith, type ObError } from '../errors.js';
import { ClusterRegistry } from './clusters.js';
import { parseLoginName } from './login.js';
import type { ConnectionLink, LoginOutcome, LoginRequest, SessionHost } from './port.js';
import { Session, type SessionLogin } from './session.js';
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
    if ('kind' in opened) return { ok: false, error: opened };
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

  /** A session for a login, or the error a real observer gives. */
  open(login: LoginRequest, connectionId: number): Session | ObError {
    const session = this.resolve(login);
    if ('kind' in session) return session;
    return new Session(session.entry, session.login, connectionId);
  }

  /** Which cluster, tenant and user a login names, after the password check. */
  resolve(login: LoginRequest): { entry: ReturnType<ClusterRegistry['get']>; login: SessionLogin } | ObError {
    const host = hostOf(login.remoteAddress);
    const name = parseLoginName(login.user);
    if (name === null) return obError('OB_ERR_INVALID_TENANT_NAME');
    const denied = obErrorWith('OB_PASSWORD_WRONG', name.user, host, login.authResponse.length > 0 ? 'YES' : 'NO');
    const entry = this.clusters.get(name.cluster);
    const tenant = findTenantByName(entry.cluster.state, name.tenant);
    if (tenant === undefined || tenant.type === 'META') return denied;
    const password = this.clusters.config.password;
    if (password !== null) {
      const userOk = name.user === 'root' || (tenant.compatibilityMode === 'ORACLE' && name.user.toUpperCase() === 'SYS');
      if (!userOk || !this.checkPassword(login.authResponse, login.scramble, password)) return denied;
    }
    const database = login.database === null || login.database === '' ? undefined : login.database;
    return { entry, login: { tenantId: tenant.id, tenantName: tenant.name, user: name.user, host, database } };
  }
}

/** `127.0.0.1` from `::ffff:127.0.0.1`, as OceanBase prints client addresses. */
function hostOf(remoteAddress: string): string {
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice('::ffff:'.length) : remoteAddress;
}
