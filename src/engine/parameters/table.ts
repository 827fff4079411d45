/**
 * Every parameter OceanBase 4.2 defines, by name: what ALTER SYSTEM SET looks up (ObServerConfigChecker and
 * ObTenantConfigChecker hold one container each, verify_config in rootserver/ob_system_admin_util.cpp) and what
 * GV$OB_PARAMETERS lists.
 */
import { CLUSTER_SEED } from './seed-cluster.js';
import { TENANT_SEED } from './seed-tenant.js';
import type { EditCode, ParameterDef, ParameterScope, SeedRow } from './table-types.js';

export type { ParameterDef, ParameterScope, ParameterType } from './table-types.js';

const EDIT_LEVEL: Record<EditCode, ParameterDef['editLevel']> = { D: 'DYNAMIC_EFFECTIVE', S: 'STATIC_EFFECTIVE', R: 'READONLY' };

function defs(scope: ParameterScope, rows: readonly SeedRow[]): ParameterDef[] {
  return rows.map(([name, type, defaultValue, range, section, edit, info]) => ({
    name,
    scope,
    type,
    defaultValue,
    range,
    section,
    editLevel: EDIT_LEVEL[edit],
    info,
  }));
}

/** In seed order, cluster parameters first. */
export const CLUSTER_PARAMETERS: readonly ParameterDef[] = defs('CLUSTER', CLUSTER_SEED);
export const TENANT_PARAMETERS: readonly ParameterDef[] = defs('TENANT', TENANT_SEED);

const BY_NAME = new Map<string, ParameterDef>([...CLUSTER_PARAMETERS, ...TENANT_PARAMETERS].map((d) => [d.name, d]));

/** The parameter of that name (names are lower case in the seed; ALTER SYSTEM SET lower-cases what it is given). */
export function findParameter(name: string): ParameterDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}
