/**
 * The one way into a cluster: a session of a user in a tenant of a named cluster. The wire opens one after its
 * handshake (host.ts parses the login name and says whether the scramble proves the password); the embedded API
 * opens one directly, being the program itself.
 */
import { findTenantByName } from '../engine/index.js';
import { obErrorWith, type ObError } from '../errors.js';
import type { ClusterRegistry } from './clusters.js';
import { Session } from './session.js';

/** Who logs in where. `cluster` '' is the default cluster; `database` undefined or '' names none. */
export interface SessionRequest {
  readonly cluster: string;
  readonly tenant: string;
  readonly user: string;
  readonly database?: string | undefined;
}

/** Where a login comes from, and what it proves. */
export interface SessionOrigin {
  readonly connectionId: number;
  /** The client's address as USER() shows it (`127.0.0.1`). */
  readonly host: string;
  /** Whether the client sent a password at all: OceanBase's 1045 says `(using password: YES)` or `NO`. */
  readonly sentPassword: boolean;
  /** Whether the client proved it knows `password`, asked only when a password is configured. */
  knowsPassword(password: string): boolean;
}

/**
 * A session, or the error a real observer gives: an unknown or meta tenant, or (with a configured password) a
 * user other than root (SYS in an Oracle tenant) or a wrong password, are all 1045.
 */
export function openSession(clusters: ClusterRegistry, request: SessionRequest, origin: SessionOrigin): Session | ObError {
  const denied = (): ObError => obErrorWith('OB_PASSWORD_WRONG', request.user, origin.host, origin.sentPassword ? 'YES' : 'NO');
  const entry = clusters.get(request.cluster);
  const tenant = findTenantByName(entry.cluster.state, request.tenant);
  if (tenant === undefined || tenant.type === 'META') return denied();
  const password = clusters.config.password;
  if (password !== null) {
    const userOk = request.user === 'root' || (tenant.compatibilityMode === 'ORACLE' && request.user.toUpperCase() === 'SYS');
    if (!userOk || !origin.knowsPassword(password)) return denied();
  }
  const database = request.database === undefined || request.database === '' ? undefined : request.database;
  return new Session(entry, { tenantId: tenant.id, tenantName: tenant.name, user: request.user, host: origin.host, database }, origin.connectionId);
}
