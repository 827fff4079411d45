/**
 * The engine's one switch over statement kinds: every statement grammar/ast-owner.ts gives the engine is
 * dispatched to its command.
 * A statement runs at the cluster's current virtual time (a REALTIME cluster is brought up to date first).
 * Table-level restore (RECOVER TABLE) is refused with OB_NOT_SUPPORTED.
 */
import type { OwnedBy } from '../../grammar/ast-owner.js';
import { InvariantError, obError, obErrorWith } from '../errors.js';
import { syncClock } from './cluster/cluster.js';
import { alterSystemSet } from './dest/alter-system-set.js';
import { archiveLog } from './archive/archivelog.js';
import { backupClean, deletePolicy } from './clean/backup-clean.js';
import { backupDatabase } from './backup/backup-database.js';
import { cancelBackup } from './backup/cancel-backup.js';
import { control } from './cluster/control.js';
import { faultControl } from './faults/fault-control.js';
import { restoreTenant } from './restore/restore.js';
import { cancelRestore, restorePreview } from './restore/restore-manage.js';
import { standby } from './restore/standby.js';
import { tenantDdl } from './tenant/tenant-ddl.js';
import { restoreSource, setDecryption, setEncryption } from './backup/encryption.js';
import { SYS_TENANT_ID } from './tenant/tenants.js';
import type { Cluster, Outcome, SessionContext } from './types.js';

/** The statements the owner table gives the engine. */
export type EngineStatement = OwnedBy<'engine'>;

/**
 * Executes one statement for a session. Returns `ok` (or `status` for SHOW EMULATOR STATUS) or an ObError; a
 * rejected statement leaves the state exactly as it was (the two OceanBase quirks of statements.md §3.1 aside:
 * NOARCHIVELOG over several tenants may fail after switching some of them).
 */
export function execute(cluster: Cluster, ctx: SessionContext, stmt: EngineStatement): Outcome {
  syncClock(cluster);
  switch (stmt.kind) {
    case 'ArchiveLog':
      return archiveLog(cluster, ctx, stmt.enable, stmt.tenants);
    case 'BackupDatabase':
      return backupDatabase(cluster, ctx, stmt);
    case 'CancelBackup':
      return cancelBackup(cluster, ctx, stmt.tenants);
    case 'BackupManage':
      // Types 1, 2, 5, 6, 7, 9, 13 are not supported in 4.2 (statements.md §3.3); CANCEL ALL BACKUP FORCE is
      // sys-only and force-cancels backup and archive, which the emulator does not offer either.
      return obError('OB_NOT_SUPPORTED');
    case 'BackupClean':
      return backupClean(cluster, ctx, stmt);
    case 'DeletePolicy':
      return deletePolicy(cluster, ctx, stmt);
    case 'BackupKey':
      // The CE build has no OB_BUILD_TDE_SECURITY: the statement always fails (statements.md §3.5 row 1).
      return obError('OB_ERR_PARSE_SQL');
    case 'SetEncryption':
      return setEncryption(ctx, stmt.password);
    case 'SetDecryption':
      return setDecryption(ctx, stmt.passwords);
    case 'AddRestoreSource':
      return restoreSource(ctx, stmt.uri);
    case 'ClearRestoreSource':
      return restoreSource(ctx, null);
    case 'CancelRecoverTable':
      if (ctx.tenantId !== SYS_TENANT_ID) return obErrorWith('OB_OP_NOT_ALLOW', 'user tenant cancel recover table is');
      return obErrorWith('OB_NOT_SUPPORTED', 'table-level restore in this emulator build is');
    case 'Restore':
      return restoreTenant(cluster, ctx, stmt);
    case 'RestorePreview':
      return restorePreview(ctx, stmt);
    case 'CancelRestore':
      return cancelRestore(cluster, ctx, stmt.tenant);
    case 'RecoverTable':
      return obErrorWith('OB_NOT_SUPPORTED', 'table-level restore in this emulator build is');
    case 'ActivateStandby':
    case 'RecoverStandby':
    case 'Switchover':
    case 'RunUpgradeJob':
      return standby(cluster, ctx, stmt);
    case 'AlterSystemSet':
      return alterSystemSet(cluster, ctx, stmt.items);
    case 'CreateTenant':
    case 'DropTenant':
    case 'CreateResourceUnit':
    case 'DropResourceUnit':
    case 'CreateResourcePool':
    case 'DropResourcePool':
      return tenantDdl(cluster, ctx, stmt);
    case 'EmulatorAdvanceTime':
    case 'EmulatorSetClock':
    case 'EmulatorWriteMacroblocks':
    case 'EmulatorSetWriteRate':
    case 'EmulatorReset':
    case 'ShowEmulatorStatus':
      return control(cluster, ctx, stmt);
    case 'EmulatorInjectFault':
    case 'EmulatorClearFault':
    case 'ShowEmulatorFaults':
      return faultControl(cluster, ctx, stmt);
    default:
      throw new InvariantError(`unexpected statement: ${JSON.stringify(stmt satisfies never)}`);
  }
}
