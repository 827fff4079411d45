/** Read-only look-ups into the engine state that several views share. */
import type { TenantBackup, TenantState } from '../engine/index.js';
import type { ViewContext } from './types.js';

export function tenantOf(ctx: ViewContext, tenantId: number): TenantState | undefined {
  return ctx.state.tenants.find((t) => t.id === tenantId);
}

/** The tenant's backup state; null for meta tenants and unknown ids, which have no backup rows (views.md §2.1). */
export function backupOf(ctx: ViewContext, tenantId: number): TenantBackup | null {
  return tenantOf(ctx, tenantId)?.backup ?? null;
}

export const SYS_TENANT_ID = 1;

/** When the cluster started: the sys tenant's creation time (start-up state). */
export function clusterStartUs(ctx: ViewContext): number {
  return tenantOf(ctx, SYS_TENANT_ID)?.createUs ?? ctx.nowUs;
}
