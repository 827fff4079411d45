/**
 * The resources tenants run on (CREATE TENANT needs a resource pool, which needs a unit config). Every cluster has
 * sys_unit_config and sys_pool (id 1, granted to sys) in the same lists as the units and pools CREATE RESOURCE UNIT /
 * POOL make, so one name check covers the built-in ones too (4649 / 4651). A user tenant made at start-up, or by a
 * CREATE TENANT or restore that names no pool, gets a unit config `<tenant>_unit` and a pool `<tenant>_pool` of its
 * own, as obd's create_tenant names them, granted to it; one made with a resource_pool_list / pool_list owns those
 * pools. Meta tenants run on their user tenant's units and own none.
 */
import type { ClusterState, ResourcePool, ResourceUnit, TenantState } from '../state.js';

/** The sys unit: 1 CPU, 2 GB memory, 6 GB log disk (the sizes the views have always shown for it). */
const SYS_UNIT_OPTIONS = [
  { name: 'max_cpu', value: '1' },
  { name: 'min_cpu', value: '1' },
  { name: 'memory_size', value: '2G' },
  { name: 'log_disk_size', value: '6G' },
];

/** A start-up tenant's unit: 2 CPUs, 4 GB memory, a log disk of three times the memory (OceanBase's default). */
const TENANT_UNIT_OPTIONS = [
  { name: 'max_cpu', value: '2' },
  { name: 'min_cpu', value: '2' },
  { name: 'memory_size', value: '4G' },
  { name: 'log_disk_size', value: '12G' },
];

export function builtinUnits(atUs: number): ResourceUnit[] {
  return [{ id: 1, name: 'sys_unit_config', options: SYS_UNIT_OPTIONS.map((o) => ({ ...o })), createUs: atUs, modifyUs: atUs }];
}

export function builtinPools(atUs: number): ResourcePool[] {
  const options = [
    { name: 'unit', value: 'sys_unit_config' },
    { name: 'unit_num', value: '1' },
    { name: 'zone_list', value: "('zone1')" },
  ];
  return [{ id: 1, name: 'sys_pool', options, tenantId: 1, createUs: atUs, modifyUs: atUs }];
}

/** Gives `tenant` a unit config and a pool of its own, granted to it. */
export function provisionTenantResources(state: ClusterState, tenant: TenantState): void {
  const unitName = `${tenant.name}_unit`;
  const poolName = `${tenant.name}_pool`;
  if (!state.resourceUnits.some((u) => u.name === unitName)) {
    state.resourceUnits.push({ id: state.nextUnitConfigId++, name: unitName, options: TENANT_UNIT_OPTIONS.map((o) => ({ ...o })), createUs: state.nowUs, modifyUs: state.nowUs });
  }
  const existing = state.resourcePools.find((p) => p.name === poolName && p.tenantId === null);
  if (existing !== undefined) {
    existing.tenantId = tenant.id;
    existing.modifyUs = state.nowUs;
    return;
  }
  // A name taken by a pool of another tenant: the pool is numbered instead (`t1_pool_1002`).
  const name = state.resourcePools.some((p) => p.name === poolName) ? `${poolName}_${tenant.id}` : poolName;
  const options = [
    { name: 'unit', value: unitName },
    { name: 'unit_num', value: '1' },
    { name: 'zone_list', value: "('zone1')" },
  ];
  state.resourcePools.push({ id: state.nextResourcePoolId++, name, options, tenantId: tenant.id, createUs: state.nowUs, modifyUs: state.nowUs });
}
