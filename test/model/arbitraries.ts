/**
 * The generated user actions (STYLE.md §F): every command, legal and illegal, from sys and from the user tenants.
 * Entries are repeated to weight the common legal paths (dests, archive on, backups, clock) over the rest.
 */
import fc from 'fast-check';
import { AdvanceClock, CLOCK_STEPS } from './commands/advance-clock.js';
import { ArchiveMode } from './commands/archive-mode.js';
import { BackupSys } from './commands/backup-sys.js';
import { BackupUser } from './commands/backup-user.js';
import { CancelBackup } from './commands/cancel-backup.js';
import type { ModelCommand } from './commands/command.js';
import { DeletePolicy } from './commands/delete-policy.js';
import type { PolicyVariant } from './commands/delete-policy.js';
import { DestState } from './commands/dest-state.js';
import { FATAL_ARCHIVE_ERRORS, InjectArchiveFault } from './commands/inject-archive-fault.js';
import { ClearFaults, InjectDestFault } from './commands/inject-fault.js';
import type { FinalDestError } from './commands/inject-fault.js';
import { Reconnect } from './commands/reconnect.js';
import { RestoreRefused } from './commands/restore-refused.js';
import { SetArchiveDest } from './commands/set-archive-dest.js';
import type { ArchiveTarget } from './commands/set-archive-dest.js';
import { SetDataDest } from './commands/set-data-dest.js';
import type { DataTarget } from './commands/set-data-dest.js';
import { SetEncryption } from './commands/set-encryption.js';
import { ThreadScore } from './commands/thread-score.js';
import { WriteMacroblocks } from './commands/write-macroblocks.js';
import type { Conn, TenantName } from './model.js';

const tenant = fc.constantFrom<TenantName>('t1', 't2');
const conn = fc.constantFrom<Conn>('sys', 't1', 't2');

const dataTargets: DataTarget[] = ['data1', 'data1', 'data1', 'data2', 'clear', 'ownArchive', 'otherTenant', 'malformed'];
const archiveTargets: ArchiveTarget[] = ['archive1', 'archive1', 'archive1', 'archive2', 'clear', 'ownData', 'otherTenant', 'malformed', 'noLocation'];
const sysArchiveLists: (readonly string[] | null)[] = [
  null, null, ['t1'], ['t2'], ['t1', 't2'], ['t2', 't1'], ['t1', 't1'], ['nope'], ['all'], ['all_user'], ['all', 't1'], ['sys'],
];
const sysBackupLists: (readonly string[] | null)[] = [null, null, null, [], ['t1'], ['t2'], ['t1', 't2'], ['t1', 't1'], ['nope'], ['sys'], ['t1', 'nope']];
const sysCancelLists: (readonly string[] | null)[] = [null, null, ['t1'], ['t2'], ['t1', 't2'], ['t2', 't2'], ['nope'], ['sys']];
const policyVariants: PolicyVariant[] = ['valid', 'valid', 'valid', 'otherName', 'noOption', 'badWindow', 'redundancy2'];

const setDataDest = fc.tuple(tenant, fc.constantFrom(...dataTargets), fc.boolean()).map(([t, x, s]) => new SetDataDest(t, x, s));
const setArchiveDest = fc.tuple(tenant, fc.constantFrom(...archiveTargets), fc.boolean()).map(([t, x, s]) => new SetArchiveDest(t, x, s));
const archiveMode = fc.tuple(
  fc.constantFrom(true, true, false),
  fc.oneof(
    fc.record({ conn: tenant, list: fc.constantFrom<readonly string[] | null>(null, null, null, ['t1']) }),
    fc.record({ conn: fc.constant<Conn>('sys'), list: fc.constantFrom(...sysArchiveLists) }),
  ),
).map(([enable, { conn: c, list }]) => new ArchiveMode(enable, c, list));
const destState = fc
  .tuple(tenant, fc.constantFrom<'DEFER' | 'ENABLE' | 'PAUSE'>('DEFER', 'ENABLE', 'ENABLE', 'PAUSE'), fc.boolean())
  .map(([t, v, s]) => new DestState(t, v, s));
const threadScore = fc.oneof(
  fc.tuple(tenant, fc.boolean(), fc.constantFrom(0, 1, 8, 100, 101, 1000)).map(([t, listed, v]) => new ThreadScore(t, listed ? t : null, v)),
  fc.tuple(fc.constantFrom<TenantName | 'all_user'>('t1', 't2', 'all_user'), fc.constantFrom(0, 1, 8, 100, 101)).map(([x, v]) => new ThreadScore('sys', x, v)),
);
const backupUser = fc
  .tuple(tenant, fc.boolean(), fc.constantFrom(false, false, true), fc.constantFrom(false, false, false, false, false, true))
  .map(([t, inc, plus, form]) => new BackupUser(t, inc, plus, form));
const backupSys = fc
  .tuple(fc.boolean(), fc.constantFrom(false, false, true), fc.constantFrom(...sysBackupLists))
  .map(([inc, plus, list]) => new BackupSys(inc, plus, list));
const cancelBackup = fc.oneof(
  fc.tuple(tenant, fc.constantFrom<readonly string[] | null>(null, null, null, ['t1'])).map(([t, list]) => new CancelBackup(t, list)),
  fc.constantFrom(...sysCancelLists).map((list) => new CancelBackup('sys', list)),
);
const advance = fc.constantFrom(...CLOCK_STEPS, 5, 5, 600).map((s) => new AdvanceClock(s));
const writeMacroblocks = fc.tuple(tenant, fc.integer({ min: 1, max: 40 }), fc.boolean()).map(([t, n, s]) => new WriteMacroblocks(t, n, s));
const deletePolicy = fc.tuple(
  fc.boolean(),
  fc.oneof(
    fc.record({ conn: tenant, list: fc.constantFrom<readonly TenantName[] | null>(null, null, ['t1']) }),
    fc.record({ conn: fc.constant<Conn>('sys'), list: fc.constantFrom<readonly TenantName[] | null>(['t1'], ['t2'], ['t1'], null, ['t1', 't2']) }),
  ),
  fc.constantFrom(...policyVariants),
).map(([add, { conn: c, list }, v]) => new DeletePolicy(add, c, list, v));
const finalErrors: FinalDestError[] = ['OB_BACKUP_DEVICE_OUT_OF_SPACE', 'OB_BACKUP_PERMISSION_DENIED', 'OB_BACKUP_DEST_NOT_CONNECT'];
const injectFault = fc
  .tuple(conn, fc.constantFrom<TenantName | null>(null, null, 't1', 't2'), fc.constantFrom(...finalErrors))
  .map(([c, listed, error]) => new InjectDestFault(c, listed, error));
const injectArchiveFault = fc
  .tuple(conn, fc.constantFrom<TenantName | null>(null, null, 't1', 't2'), fc.constantFrom(...FATAL_ARCHIVE_ERRORS))
  .map(([c, listed, error]) => new InjectArchiveFault(c, listed, error));
const restore = fc.constantFrom('fromUserTenant', 'existingTenant', 'emptyOption' as const).map((v) => new RestoreRefused(v));

/** Every command arbitrary; fc.commands picks among them uniformly, so repeats are weights. */
export const allCommands: fc.Arbitrary<ModelCommand>[] = [
  setDataDest, setDataDest, setArchiveDest, setArchiveDest, archiveMode, archiveMode, destState,
  threadScore, conn.map((c) => new SetEncryption(c)), conn.map((c) => new Reconnect(c)),
  backupUser, backupUser, backupUser, backupSys, backupSys, cancelBackup,
  advance, advance, advance, advance, writeMacroblocks, deletePolicy, restore,
  injectFault, injectArchiveFault, fc.constant(new ClearFaults()), fc.constant(new ClearFaults()),
];
