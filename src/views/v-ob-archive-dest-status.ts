/**
 * V$OB_ARCHIVE_DEST_STATUS (source: observer/virtual_table/ob_all_virtual_archive_dest_status.cpp): one row per
 * user tenant and archive dest with a progress row: TENANT_ID, DEST_ID, PATH, STATUS and CHECKPOINT_SCN of the
 * round, COMMENT, and SYNCHRONIZED = 'YES' only when every log stream's archive checkpoint has reached its log's
 * max SCN (the round's MAX_SCN here), else 'NO'. Sys sees every user tenant, a user tenant itself. Column types are
 * inferred (the DESC was not read).
 */
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
import type { Row, ViewDef } from './types.js';
import { int } from './values.js';

export const V_OB_ARCHIVE_DEST_STATUS: ViewDef = {
  name: 'V$OB_ARCHIVE_DEST_STATUS',
  kind: 'SYSTEM VIEW',
  visibility: 'all',
  columns: [
    col('TENANT_ID', T.bigint(), 'NO'),
    col('DEST_ID', T.bigint(), 'NO'),
    col('PATH', T.varchar(2048), 'NO'),
    col('STATUS', T.varchar(64), 'NO'),
    col('CHECKPOINT_SCN', T.ubigint(), 'NO'),
    col('SYNCHRONIZED', T.varchar(3), 'NO'),
    col('COMMENT', T.varchar(2048), 'NO'),
  ],
  rows: (ctx) => {
    const rows: Row[] = [];
    for (const tenant of ctx.state.tenants) {
      if (tenant.type !== 'USER' || tenant.backup === null) continue;
      if (ctx.tenantId !== SYS_TENANT_ID && ctx.tenantId !== tenant.id) continue;
      for (const round of [...tenant.backup.rounds].sort((a, b) => a.destId - b.destId)) {
        // Without an archived log stream checkpoint (no round start yet) the virtual table skips the dest.
        if (round.checkpointScn === 0n) continue;
        const synced = round.checkpointScn >= round.maxScn ? 'YES' : 'NO';
        rows.push([int(tenant.id), int(round.destId), round.path, round.status, round.checkpointScn, synced, round.comment]);
      }
    }
    return rows;
  },
};
