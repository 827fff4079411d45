/**
 * What a restore uses (ObRestoreUtil, oceanbase/oceanbase src/rootserver/restore/ob_restore_util.cpp): the FROM
 * URIs resolved to the source tenant's data and archive dests through their format files; the restore SCN (UNTIL,
 * or the newest point the archive covers); the newest FULL set whose MIN_RESTORE_SCN is at or before it plus its
 * INC chain (fill_backup_set_map_); and the pieces from the last set's START_REPLAY_SCN up to the point, which must
 * join without a gap (get_piece_paths_in_range). All of it runs synchronously in the RS, so every failure here is
 * the statement's error; nothing is changed.
 */
import type { Until } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { parseDest } from '../dest/parse.js';
import type { ArchivePiece, BackupSetFile, ClusterState, FormatFile, ParsedDest, TenantState } from '../state.js';
import { findTenant } from '../tenant/tenants.js';
import { SERVER_UTC_OFFSET_US } from '../cluster/time.js';

/** The source the FROM URIs name: the backup tenant, its data dest (if given) and archive dest (if given). */
export interface RestoreSource {
  tenant: TenantState;
  dataDestId: number | null;
  archiveDestId: number | null;
  /** BACKUP_DEST: the URIs as typed for file://, credentials stripped for object storage, comma-joined. */
  backupDest: string;
}

export interface RestoreSelection {
  restoreScn: bigint;
  sets: BackupSetFile[];
  pieces: ArchivePiece[];
  /** The last chosen set's START_REPLAY_SCN: where log replay starts. */
  startReplayScn: bigint;
}

const NO_SOURCE = 'no backup set path or log piece can be used to restore';
const NO_LOG = 'No enough log for restore';

const RESTORE_URI_PREFIXES = ['oss://', 'cos://', 'file://', 's3://'];

/** Splits a FROM string at commas, dropping the spaces tools put around them (`'a, b'`). */
export function splitUris(from: string): string[] {
  return from
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/** Resolves the FROM URIs through the format files of the cluster (statements.md §3.7 RS row 1). */
export function resolveSource(state: ClusterState, from: string): RestoreSource | ObError {
  const uris = splitUris(from);
  if (uris.length === 0) return obError('OB_ERR_PARSER_SYNTAX');
  const parsed: ParsedDest[] = [];
  for (const uri of uris) {
    // ObPhysicalRestoreUriParser::parse: validate_uri_type (lib/restore/ob_storage.cpp) wants a storage prefix and
    // names the URI it refuses (`<uri> is not a valid uri`); s3:// is one of them from 4.2.2 on.
    if (!RESTORE_URI_PREFIXES.some((p) => uri.startsWith(p))) return obErrorWith('OB_INVALID_BACKUP_DEST', uri);
    const dest = parseDest(uri);
    if (isObError(dest)) return dest;
    parsed.push(dest);
  }
  const formats: FormatFile[] = [];
  for (const dest of parsed) {
    const format = state.formatFiles.find((f) => f.root === dest.root);
    if (format === undefined) return obError('OB_BACKUP_FORMAT_FILE_NOT_EXIST');
    formats.push(format);
  }
  const data = formats.filter((f) => f.destType === 'backup_data');
  const archive = formats.filter((f) => f.destType === 'archive_log');
  if (data.length > 1) return obErrorWith('OB_NOT_SUPPORTED', 'It is not support to restore from multiple tenant backup paths.');
  const tenantIds = new Set(formats.map((f) => f.tenantId));
  if (tenantIds.size > 1) return obErrorWith('OB_OP_NOT_ALLOW', 'restoring backupsets of different tenants');
  // The backup media outlive a dropped tenant, but the emulator keeps sets and pieces with the tenant.
  const tenant = findTenant(state, formats[0]!.tenantId);
  if (tenant === undefined || tenant.backup === null) return obErrorWith('OB_ENTRY_NOT_EXIST', NO_SOURCE);
  return {
    tenant,
    dataDestId: data[0]?.destId ?? null,
    // Several archive dests of one tenant: the first named is read (the emulator does not merge dests).
    archiveDestId: archive[0]?.destId ?? null,
    backupDest: parsed.map((d) => (d.scheme === 'file' ? d.uri : d.path)).join(','),
  };
}

/** `YYYY-MM-DD HH:MM:SS[.ffffff]` read in the server's time zone (+08:00, as OceanBase's default) → µs, or null. */
export function parseRestoreTime(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return null;
  return ms * 1000 + Number((m[7] ?? '').padEnd(6, '0')) - SERVER_UTC_OFFSET_US;
}

/** OB_BASE_SCN_TS_NS: an UNTIL SCN at or below it is rejected by the resolver. */
const BASE_SCN = 1n;

/** The resolver's check of UNTIL SCN = n (statements.md §3.7 resolver row 3); null when fine. */
export function checkUntil(until: Until | null): ObError | null {
  if (until === null || until.kind === 'UntilTime') return null;
  if (until.kind === 'UntilUnlimited') return obErrorWith('OB_NOT_SUPPORTED', 'UNTIL UNLIMITED for restore is');
  if (!/^\d+$/.test(until.scn.trim()) || BigInt(until.scn.trim()) <= BASE_SCN) {
    return obErrorWith('OB_INVALID_ARGUMENT', 'until scn, it should be positive integer');
  }
  return null;
}

function usableSets(source: RestoreSource): BackupSetFile[] {
  if (source.dataDestId === null) return [];
  return source.tenant
    .backup!.setFiles.filter((s) => s.destId === source.dataDestId && s.status === 'SUCCESS' && s.fileStatus === 'AVAILABLE')
    .sort((a, b) => a.backupSetId - b.backupSetId);
}

function archivePieces(source: RestoreSource): ArchivePiece[] {
  if (source.archiveDestId === null) return [];
  return source.tenant
    .backup!.pieces.filter((p) => p.destId === source.archiveDestId && p.fileStatus === 'AVAILABLE')
    .sort((a, b) => (a.startScn < b.startScn ? -1 : a.startScn > b.startScn ? 1 : a.pieceId - b.pieceId));
}

/** The restore SCN: UNTIL, else the newest archive checkpoint, else (data dest only) the newest MIN_RESTORE_SCN. */
export function restoreScnOf(source: RestoreSource, until: Until | null): bigint | ObError {
  if (until?.kind === 'UntilScn') return BigInt(until.scn.trim());
  if (until?.kind === 'UntilTime') {
    const us = parseRestoreTime(until.time);
    return us === null ? obErrorWith('OB_INVALID_ARGUMENT', 'restore timestamp') : BigInt(us) * 1000n;
  }
  if (source.archiveDestId !== null) {
    let max = 0n;
    for (const p of archivePieces(source)) if (p.checkpointScn > max) max = p.checkpointScn;
    return max === 0n ? obErrorWith('OB_ENTRY_NOT_EXIST', NO_LOG) : max;
  }
  const sets = usableSets(source);
  const last = sets[sets.length - 1];
  return last === undefined ? obErrorWith('OB_ENTRY_NOT_EXIST', NO_SOURCE) : last.minRestoreScn;
}

/** fill_backup_set_map_: a FULL restarts the chain; an INC joins when its PREV_FULL and PREV_INC are in it. */
export function chooseSets(sets: readonly BackupSetFile[], restoreScn: bigint): BackupSetFile[] {
  let chain: BackupSetFile[] = [];
  for (const set of sets) {
    if (set.minRestoreScn > restoreScn) continue;
    if (set.backupType === 'FULL') chain = [set];
    else if (chain.some((s) => s.backupSetId === set.prevFullBackupSetId) && chain.some((s) => s.backupSetId === set.prevIncBackupSetId)) {
      chain.push(set);
    }
  }
  return chain;
}

/**
 * get_piece_paths_in_range: the first piece must hold the start nominally (START_SCN ≤ start < END_SCN); each next
 * piece must start at or before the log reached so far; the last must reach the restore SCN.
 */
export function choosePieces(pieces: readonly ArchivePiece[], startScn: bigint, restoreScn: bigint): ArchivePiece[] | null {
  const first = pieces.findIndex((p) => p.startScn <= startScn && startScn < p.endScn);
  if (first < 0) return null;
  const out: ArchivePiece[] = [];
  let reached = startScn;
  for (let i = first; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.startScn > reached) return null;
    out.push(p);
    if (p.checkpointScn > reached) reached = p.checkpointScn;
    if (reached >= restoreScn) return out;
  }
  return null;
}

/** The sets and pieces a restore to `restoreScn` uses, with the password check of each chosen set (§8.5). */
export function selectSources(source: RestoreSource, restoreScn: bigint, passwdArray: string): RestoreSelection | ObError {
  const sets = chooseSets(usableSets(source), restoreScn);
  if (sets.length === 0) return obErrorWith('OB_ENTRY_NOT_EXIST', NO_SOURCE);
  // ObBackupUtils::check_passwd: strstr on the joined list; an empty set password needs no check.
  for (const set of sets) if (set.passwd !== '' && !passwdArray.includes(set.passwd)) return obError('OB_BACKUP_INVALID_PASSWORD');
  const last = sets[sets.length - 1]!;
  if (source.archiveDestId === null) {
    // Complement log only: the set's own log reaches its MIN_RESTORE_SCN and no further.
    if (!last.plusArchivelog || restoreScn > last.minRestoreScn) return obErrorWith('OB_ENTRY_NOT_EXIST', NO_LOG);
    return { restoreScn, sets, pieces: [], startReplayScn: last.startReplayScn };
  }
  const pieces = choosePieces(archivePieces(source), last.startReplayScn, restoreScn);
  if (pieces === null) return obErrorWith('OB_ENTRY_NOT_EXIST', NO_LOG);
  return { restoreScn, sets, pieces, startReplayScn: last.startReplayScn };
}

/** BACKUP_SET_LIST entry (views.md §12.4): `<dest path>/backup_set_<id>_<full|inc>`. */
export function setPath(set: BackupSetFile): string {
  return `${set.path}/backup_set_${set.backupSetId}_${set.backupType === 'FULL' ? 'full' : 'inc'}`;
}

/** BACKUP_PIECE_LIST entry: `<archive path>/piece_d<dest>r<round>p<piece>`. */
export function piecePath(piece: ArchivePiece): string {
  return `${piece.path}/piece_d${piece.destId}r${piece.roundId}p${piece.pieceId}`;
}
