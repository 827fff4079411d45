/**
 * The texts of dest and tenant-name errors, as the source gives them (issue 16, item 5):
 * - ObBackupDest::set_without_decryption (share/backup/ob_backup_struct.cpp): a dest holding `encrypt_key=` is
 *   OB_INVALID_BACKUP_DEST with `backup destination contains encrypt_key, which is not a valid uri`; other
 *   malformed dests the plain `backup destination is not valid`.
 * - ObPhysicalRestoreUriParser::parse (share/restore/ob_restore_uri_parser.cpp): a restore URI without a storage
 *   prefix is `<uri> is not a valid uri`.
 * - An unknown name in TENANT = … of BACKUP, ARCHIVELOG and SET: ObAlterSystemResolverUtil::get_tenant_ids and
 *   verify_config look it up with ObSchemaGetterGuard::get_tenant_id, which answers OB_ERR_INVALID_TENANT_NAME
 *   (-5160), whose only text in ob_errno.def is about connection strings.
 * (oceanbase/oceanbase b5f92605ac4224fcfd0eea561dd09fed1c11c7c6.)
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError } from '../../../src/index.js';

const sys = () => createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 }).session({ tenant: 'sys' });

function error(s: ReturnType<typeof sys>, q: string): [number, string] | 'ok' {
  const r = s.execute(q);
  return isObError(r) ? [r.errno, r.message] : 'ok';
}

describe('dest errors say what the set-dest and restore paths say', () => {
  it('encrypt_key in a dest, a malformed dest, a restore URI of no storage type', () => {
    const s = sys();
    expect(error(s, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'oss://b/d?host=h&access_id=a&encrypt_key=k' TENANT = mysql_tenant")).toEqual([
      9026,
      'backup destination contains encrypt_key, which is not a valid uri',
    ]);
    expect(error(s, "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///a?encrypt_key=k' TENANT = mysql_tenant")).toEqual([
      9026,
      'backup destination contains encrypt_key, which is not a valid uri',
    ]);
    expect(error(s, "ALTER SYSTEM SET DATA_BACKUP_DEST = 'ftp://x/y' TENANT = mysql_tenant")).toEqual([9026, 'backup destination is not valid']);
    expect(error(s, "ALTER SYSTEM RESTORE r1 FROM 'ftp://x/y' WITH 'pool_list=p1'")).toEqual([9026, 'ftp://x/y is not a valid uri']);
  });

  it('an unknown tenant in TENANT = … is the resolver\'s 5160', () => {
    const s = sys();
    const msg = 'invalid tenant name specified in connection string';
    expect(error(s, 'ALTER SYSTEM BACKUP TENANT = nope')).toEqual([5160, msg]);
    expect(error(s, 'ALTER SYSTEM ARCHIVELOG TENANT = nope')).toEqual([5160, msg]);
    expect(error(s, "ALTER SYSTEM SET open_cursors = 10 TENANT = nope")).toEqual([5160, msg]);
  });
});
