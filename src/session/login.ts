/**
 * Login names (emulator.md "Clusters", wire.md §6): which tenant and which emulated cluster a handshake user string
 * selects. `user` is sys; `user@tenant`; `user@tenant#cluster`; `cluster:tenant:user`. As the observer does, the
 * string is split at the first `@`, single quotes around the user part are stripped and an empty user is accepted.
 */

export interface LoginName {
  readonly user: string;
  /** The tenant name as given; `sys` when the string has no tenant part. */
  readonly tenant: string;
  /** The cluster name, or '' for the default cluster. */
  readonly cluster: string;
}

export const DEFAULT_CLUSTER = '';

/** Splits a handshake user string; null when the tenant part is empty (OB_ERR_INVALID_TENANT_NAME at login). */
export function parseLoginName(raw: string): LoginName | null {
  const colon = /^([^:@#]+):([^:@#]+):(.*)$/.exec(raw);
  if (colon) return { cluster: colon[1] ?? '', tenant: colon[2] ?? '', user: stripQuotes(colon[3] ?? '') };
  const at = raw.indexOf('@');
  if (at < 0) return { user: stripQuotes(raw), tenant: 'sys', cluster: DEFAULT_CLUSTER };
  const user = stripQuotes(raw.slice(0, at));
  const rest = raw.slice(at + 1);
  const hash = rest.indexOf('#');
  const tenant = hash < 0 ? rest : rest.slice(0, hash);
  const cluster = hash < 0 ? DEFAULT_CLUSTER : rest.slice(hash + 1);
  if (tenant === '' || tenant.length > MAX_TENANT_NAME_LENGTH) return null;
  return { user, tenant, cluster };
}

/** OB_MAX_TENANT_NAME_LENGTH in OceanBase 4.x. */
const MAX_TENANT_NAME_LENGTH = 64;

function stripQuotes(user: string): string {
  return user.length >= 2 && user.startsWith("'") && user.endsWith("'") ? user.slice(1, -1) : user;
}
