/**
 * Destination strings (statements.md §7.1-§7.2): `<scheme>://<root>[?k=v&…]` parsed and checked in the
 * documented order. Length limits (checked: deps/oblib ob_storage_info.h in 4.2 has
 * OB_MAX_BACKUP_STORAGE_INFO_LENGTH = 1536; ob_backup_struct.h has OB_MAX_BACKUP_DEST_LENGTH = OB_MAX_URI_LENGTH
 * and OB_MAX_BACKUP_PATH_LENGTH = MAX_PATH_SIZE, taken as 2048 and 1024).
 */
import { obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import type { ParsedDest } from '../state.js';

const MAX_STORAGE_INFO_LENGTH = 1536;
const MAX_PATH_LENGTH = 1024;
const MAX_DEST_LENGTH = 2048;

const SCHEMES = ['file', 'oss', 'cos', 's3'] as const;

function storageValue(items: readonly string[], key: string): string | undefined {
  // Keys are matched by case-sensitive prefix (strncmp), as the storage-info parser does.
  const hit = items.find((i) => i.startsWith(`${key}=`));
  return hit === undefined ? undefined : hit.slice(key.length + 1);
}

/**
 * Parses and checks a dest URI; returns the parsed dest or OceanBase's error. ObBackupDest::set_without_decryption
 * (share/backup/ob_backup_struct.cpp), which the dest parameters and restore go through, refuses a dest holding
 * `encrypt_key=` with its own text (`backup destination contains encrypt_key, which is not a valid uri`); every
 * other malformed dest gets the plain `backup destination is not valid`.
 */
export function parseDest(uri: string): ParsedDest | ObError {
  if (uri.includes('encrypt_key=')) return obErrorWith('OB_INVALID_BACKUP_DEST', 'backup destination contains encrypt_key, which');
  const invalid = obError('OB_INVALID_BACKUP_DEST');
  const scheme = SCHEMES.find((s) => uri.startsWith(`${s}://`));
  if (scheme === undefined) return invalid;
  const q = uri.indexOf('?');
  const rootRaw = q < 0 ? uri : uri.slice(0, q);
  const info = q < 0 ? '' : uri.slice(q + 1);
  const items = info === '' ? [] : info.split('&');
  const rest = rootRaw.slice(scheme.length + 3);
  if (scheme === 'file' ? !rest.startsWith('/') || rest.replace(/\/+$/, '') === '' : rest.replace(/\/+$/, '') === '') return invalid;
  const host = storageValue(items, 'host');
  const accessId = storageValue(items, 'access_id');
  const accessKey = storageValue(items, 'access_key');
  if (scheme === 'file') {
    if (items.length > 0) return invalid;
  } else if (!host || !accessId || !accessKey) {
    return invalid;
  }
  if (storageValue(items, 's3_region') !== undefined && scheme !== 's3') return obError('OB_INVALID_ARGUMENT');
  const deleteMode = storageValue(items, 'delete_mode');
  if (deleteMode !== undefined && deleteMode !== 'delete' && deleteMode !== 'tagging') return obError('OB_INVALID_ARGUMENT');
  const checksum = storageValue(items, 'checksum_type');
  if (checksum !== undefined) {
    const allowed = scheme === 's3' ? ['crc32', 'md5', 'no_checksum'] : scheme === 'oss' ? ['md5', 'no_checksum'] : [];
    if (!allowed.includes(checksum)) return obErrorWith('OB_CHECKSUM_TYPE_NOT_SUPPORTED', checksum);
  }
  if (info.length >= MAX_STORAGE_INFO_LENGTH || rootRaw.length >= MAX_PATH_LENGTH || uri.length >= MAX_DEST_LENGTH) return invalid;
  const root = rootRaw.length > scheme.length + 4 ? rootRaw.replace(/\/+$/, '') : rootRaw;
  const extension = items.filter((i) => !/^(host|access_id|access_key)=/.test(i)).join('&');
  return {
    scheme,
    uri,
    root,
    path: scheme === 'file' ? root : `${root}?host=${host ?? ''}`,
    endpoint: host === undefined ? '' : `host=${host}`,
    authorization: accessId === undefined ? '' : `access_id=${accessId}&encrypt_key=${encryptKey(accessKey ?? '')}`,
    extension,
  };
}

/** A stand-in for the stored encrypted key: a hex mask of the key, never the key itself. */
function encryptKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).toUpperCase().padStart(8, '0').repeat(4);
}
