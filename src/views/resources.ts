/**
 * Resource unit configs and pools as the views show them, all from the engine's lists: sys_unit_config / sys_pool
 * (id 1, created with the cluster), each start-up tenant's own, then those created with CREATE RESOURCE UNIT / POOL,
 * with the ids, times and grants the engine keeps (ids from 1001, never reused, so they survive a drop). Option values are the text the statement gave: capacities
 * like `8G` are read with 1024-based units.
 */
import type { NamedOptions } from '../engine/index.js';
import { UNLIMITED_IOPS } from './cluster-profile.js';
import type { ViewContext } from './types.js';

export interface UnitConfig {
  id: number;
  name: string;
  createUs: number;
  modifyUs: number;
  maxCpu: number;
  minCpu: number;
  memorySize: bigint;
  logDiskSize: bigint;
  maxIops: bigint;
  minIops: bigint;
  iopsWeight: bigint;
}

export interface ResourcePool {
  id: number;
  name: string;
  createUs: number;
  modifyUs: number;
  /** null while the pool belongs to no tenant. */
  tenantId: number | null;
  unitCount: number;
  unitConfigId: number;
  zoneList: string;
}

const CAPACITY_UNITS: Record<string, bigint> = { b: 1n, k: 1024n, m: 1024n ** 2n, g: 1024n ** 3n, t: 1024n ** 4n, p: 1024n ** 5n };

function option(o: NamedOptions, name: string): string | undefined {
  return o.options.find((x) => x.name === name)?.value;
}

/** `8G`, `2147483648`, `512M` → bytes; undefined when absent or unreadable. */
export function parseCapacity(text: string | undefined): bigint | undefined {
  const m = text === undefined ? null : /^\s*(\d+)\s*([bkmgtp])?b?\s*$/i.exec(text);
  if (m === null) return undefined;
  return BigInt(m[1] ?? '0') * (CAPACITY_UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1n);
}

function parseNumber(text: string | undefined): number | undefined {
  const n = text === undefined ? Number.NaN : Number(text.trim());
  return Number.isFinite(n) ? n : undefined;
}

function parseInteger(text: string | undefined): bigint | undefined {
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? BigInt(text.trim()) : undefined;
}

export function unitConfigs(ctx: ViewContext): UnitConfig[] {
  const created = ctx.state.resourceUnits.map((u): UnitConfig => {
    const maxCpu = parseNumber(option(u, 'max_cpu')) ?? 1;
    const memorySize = parseCapacity(option(u, 'memory_size')) ?? 0n;
    const maxIops = parseInteger(option(u, 'max_iops')) ?? UNLIMITED_IOPS;
    return {
      id: u.id,
      name: u.name,
      createUs: u.createUs,
      modifyUs: u.modifyUs,
      maxCpu,
      minCpu: parseNumber(option(u, 'min_cpu')) ?? maxCpu,
      memorySize,
      // LOG_DISK_SIZE defaults to three times the memory (OceanBase's default for a unit without one).
      logDiskSize: parseCapacity(option(u, 'log_disk_size')) ?? memorySize * 3n,
      maxIops,
      minIops: parseInteger(option(u, 'min_iops')) ?? maxIops,
      iopsWeight: parseInteger(option(u, 'iops_weight')) ?? 0n,
    };
  });
  return created;
}

/** `('zone1')`, `('z1','z2')` or `zone1;zone2` → `zone1;zone2` as ZONE_LIST shows it. */
function zoneListText(text: string | undefined): string {
  if (text === undefined) return '';
  return text
    .replace(/[()'"`]/g, '')
    .split(/[,;]/)
    .map((z) => z.trim())
    .filter((z) => z !== '')
    .join(';');
}

export function resourcePools(ctx: ViewContext): ResourcePool[] {
  const configs = unitConfigs(ctx);
  const created = ctx.state.resourcePools.map((p): ResourcePool => {
    const unitName = option(p, 'unit');
    const config = configs.find((c) => c.name === unitName?.replace(/^['"`]|['"`]$/g, ''));
    return {
      id: p.id,
      name: p.name,
      createUs: p.createUs,
      modifyUs: p.modifyUs,
      tenantId: p.tenantId,
      unitCount: Number(parseInteger(option(p, 'unit_num')) ?? 1n),
      unitConfigId: config?.id ?? -1,
      zoneList: zoneListText(option(p, 'zone_list')),
    };
  });
  return created;
}

/**
 * The unit a tenant's user LS group runs on: the unit of the pool granted to it (one unit per pool on a one-server
 * cluster, so the pool's id, as GV$OB_UNITS numbers it), the sys unit for sys, and 0 when it has none. A meta tenant
 * shares its user tenant's unit.
 */
export function tenantUnitId(ctx: ViewContext, tenantId: number): number {
  const owner = tenantId !== 1 && tenantId % 2 === 1 ? tenantId + 1 : tenantId;
  return resourcePools(ctx).find((p) => p.tenantId === owner)?.id ?? 0;
}
