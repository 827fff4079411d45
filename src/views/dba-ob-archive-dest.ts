/**
 * DBA_OB_ARCHIVE_DEST / CDB_OB_ARCHIVE_DEST (views.md §5.4, clients.md §2.4): the key/value rows of
 * `__all_log_archive_dest_parameter`, sorted by dest_no, then name. Values are echoed as stored: `path` without
 * `LOCATION=`, `piece_switch_interval` as typed, `binding` upper-case, `state` ENABLE or DEFER. A state set with
 * log_archive_dest_state before any dest gives a `state` row of its own.
 */
import { T, col } from './columns.js';
import { backupOf } from './read.js';
import { twins } from './twins.js';
import type { Row } from './types.js';
import { int } from './values.js';

export const [DBA_OB_ARCHIVE_DEST, CDB_OB_ARCHIVE_DEST] = twins({
  suffix: 'OB_ARCHIVE_DEST',
  columns: [col('DEST_NO', T.bigint(), 'NO'), col('NAME', T.varchar(1024), 'NO'), col('VALUE', T.varchar(4096), 'NO')],
  rowsOf: (ctx, tenantId) => {
    const backup = backupOf(ctx, tenantId);
    if (backup === null) return [];
    const pairs: [number, string, string][] = [];
    for (const dest of backup.archiveDests) {
      pairs.push(
        [dest.destNo, 'binding', dest.binding],
        [dest.destNo, 'dest_id', String(dest.destId)],
        [dest.destNo, 'path', dest.location.uri],
        [dest.destNo, 'piece_switch_interval', dest.pieceSwitchInterval],
      );
    }
    const destNos = new Set([...backup.archiveDests.map((d) => d.destNo), ...backup.archiveDestStates.map((s) => s.destNo)]);
    for (const destNo of destNos) {
      const state = backup.archiveDestStates.find((s) => s.destNo === destNo)?.state ?? 'ENABLE';
      pairs.push([destNo, 'state', state]);
    }
    pairs.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    return pairs.map(([destNo, name, value]): Row => [int(destNo), name, value]);
  },
});
