/**
 * DBA_ / CDB_ twins from one definition (views.md §2.1): DBA_OB_X shows the session tenant's rows (sys sees its own,
 * tenant 1); CDB_OB_X prepends TENANT_ID, shows every tenant and exists only in sys.
 */
import type { ColumnDef } from '../result.js';
import { TENANT_ID_COLUMN } from './columns.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { int } from './values.js';

/** One tenant's rows of a view, without the TENANT_ID column. */
export interface TenantRows {
  /** The suffix after DBA_ / CDB_, e.g. `OB_BACKUP_JOBS`. */
  readonly suffix: string;
  readonly columns: readonly ColumnDef[];
  /** Rows of tenant `tenantId` (empty when the tenant has none). */
  rowsOf(ctx: ViewContext, tenantId: number): readonly Row[];
  /**
   * Whether the DBA form already holds TENANT_ID, so the CDB form keeps the same columns (views.md §4.5:
   * BACKUP_STORAGE_INFO). Then rowsOf already includes it.
   */
  readonly tenantIdIncluded?: boolean;
  /**
   * Where column `column` of rowsOf is non-null and unique within one tenant: that tenant's rows sorted ascending by
   * it. Only the DBA form offers it (ViewDef.keyOrder); the CDB form holds every tenant, where the column alone is
   * not unique (JOB_ID 1 exists in each tenant), so it does not.
   */
  readonly keyOrder?: { readonly column: number; rowsAscendingOf(ctx: ViewContext, tenantId: number): readonly Row[] };
}

/** Returns [DBA_<suffix>, CDB_<suffix>]. */
export function twins(def: TenantRows): [ViewDef, ViewDef] {
  const key = def.keyOrder;
  const dba: ViewDef = {
    name: `DBA_${def.suffix}`,
    kind: 'SYSTEM VIEW',
    visibility: 'all',
    columns: def.columns,
    rows: (ctx) => def.rowsOf(ctx, ctx.tenantId),
    ...(key === undefined ? {} : { keyOrder: { column: key.column, rowsAscending: (ctx: ViewContext) => key.rowsAscendingOf(ctx, ctx.tenantId) } }),
  };
  const cdb: ViewDef = {
    name: `CDB_${def.suffix}`,
    kind: 'SYSTEM VIEW',
    visibility: 'sys',
    columns: def.tenantIdIncluded ? def.columns : [TENANT_ID_COLUMN, ...def.columns],
    rows: (ctx) => {
      const out: Row[] = [];
      for (const tenant of ctx.state.tenants) {
        for (const row of def.rowsOf(ctx, tenant.id)) out.push(def.tenantIdIncluded ? row : [int(tenant.id), ...row]);
      }
      return out;
    },
  };
  return [dba, cdb];
}
