/**
 * Backup passwords as session user variables (statements.md §8): SET ENCRYPTION writes the mode and the stage-2
 * hash; BACKUP reads them; SET DECRYPTION (sys only) writes the list restore checks; ADD / CLEAR RESTORE SOURCE
 * edit the restore source list (§3.7).
 */
import { createHash } from 'node:crypto';
import { obErrorWith } from '../../errors.js';
import type { EncryptionMode } from '../state.js';
import { SYS_TENANT_ID } from '../tenant/tenants.js';
import type { Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

export const ENCRYPTION_MODE_VAR = '__ob_backup_encryption_mode__';
export const ENCRYPTION_PASSWD_VAR = '__ob_backup_encryption_passwd__';
export const DECRYPTION_PASSWD_ARRAY_VAR = '__ob_backup_decryption_passwd_array__';
export const RESTORE_SOURCE_VAR = '__ob_restore_source_name__';

const MODES: readonly EncryptionMode[] = ['NONE', 'PASSWORD', 'PASSWORD_ENCRYPTION', 'TRANSPARENT_ENCRYPTION', 'DUAL_MODE_ENCRYPTION'];

/** ObBackupEncryptionMode::parse_str: '' is NONE; an unknown string is invalid (null). */
export function parseEncryptionMode(text: string): EncryptionMode | null {
  if (text === '') return 'NONE';
  return MODES.find((m) => m === text.toUpperCase()) ?? null;
}

/**
 * MySQL's stage-2 hash as `encrypt_passwd_to_stage2` prints it: `*` + 40 upper-case hex digits of
 * SHA1(SHA1(password)) (the `*` + hex form is inferred, statements.md §8.1).
 */
function stage2Hash(password: string): string {
  const stage1 = createHash('sha1').update(password, 'utf8').digest();
  return `*${createHash('sha1').update(stage1).digest('hex').toUpperCase()}`;
}

/** SET ENCRYPTION ON IDENTIFIED BY 'p' ONLY: any tenant; only the session variables change. */
export function setEncryption(ctx: SessionContext, password: string): Outcome {
  ctx.variables.set(ENCRYPTION_MODE_VAR, 'PASSWORD');
  ctx.variables.set(ENCRYPTION_PASSWD_VAR, stage2Hash(password));
  return OK;
}

/** SET DECRYPTION IDENTIFIED BY 'a', 'b': sys only; the comma-joined stage-2 hashes. */
export function setDecryption(ctx: SessionContext, passwords: readonly string[]): Outcome {
  if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_NOT_SUPPORTED', 'non-sys tenant set decryption is');
  ctx.variables.set(DECRYPTION_PASSWD_ARRAY_VAR, passwords.map(stage2Hash).join(','));
  return OK;
}

/** ADD RESTORE SOURCE appends the uri (comma-separated); CLEAR removes the variable. sys only. */
export function restoreSource(ctx: SessionContext, uri: string | null): Outcome {
  if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_NOT_SUPPORTED', 'non-sys tenant set add restore source is');
  if (uri === null) {
    ctx.variables.delete(RESTORE_SOURCE_VAR);
    return OK;
  }
  const current = ctx.variables.get(RESTORE_SOURCE_VAR);
  ctx.variables.set(RESTORE_SOURCE_VAR, current === null || current === '' ? uri : `${current},${uri}`);
  return OK;
}
