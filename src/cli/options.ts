/**
 * Command-line options of `ob-backup-sim serve` (emulator.md "Command line"): every flag can also be given as an
 * environment variable OB_SIM_<NAME> (upper case, dashes as underscores), and a flag wins over the variable.
 */

export interface TenantOption {
  readonly name: string;
  readonly mode: 'mysql' | 'oracle';
}

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly tenants: readonly TenantOption[] | null;
  readonly clock: 'manual' | 'realtime';
  readonly speed: number;
  /** Virtual start time as an ISO string, or null for the real time at start-up. */
  readonly startTime: string | null;
  readonly seed: number;
  readonly password: string | null;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  readonly trace: string | null;
}

const FLAGS = ['host', 'port', 'tenant', 'clock', 'speed', 'start-time', 'seed', 'password', 'log-level', 'trace'] as const;
type Flag = (typeof FLAGS)[number];

export type OptionsResult = { readonly ok: true; readonly options: ServeOptions } | { readonly ok: false; readonly message: string };

/** Reads flags (`--port 2881` or `--port=2881`) and OB_SIM_* variables into checked options. */
export function parseServeOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): OptionsResult {
  const given = new Map<Flag, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const flag = m?.[1] as Flag | undefined;
    if (!m || flag === undefined || !FLAGS.includes(flag)) return { ok: false, message: `unknown option '${arg}'` };
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) return { ok: false, message: `option '--${flag}' needs a value` };
    }
    given.set(flag, [...(given.get(flag) ?? []), value]);
  }
  const read = (flag: Flag): string | undefined => {
    const values = given.get(flag);
    if (values) return values[values.length - 1];
    return env[`OB_SIM_${flag.toUpperCase().replaceAll('-', '_')}`];
  };
  return checkOptions(read, given.get('tenant') ?? splitList(env['OB_SIM_TENANT']));
}

function splitList(value: string | undefined): string[] | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.split(',').map((s) => s.trim());
}

function checkOptions(read: (flag: Flag) => string | undefined, tenantSpecs: readonly string[] | undefined): OptionsResult {
  const port = Number(read('port') ?? '2881');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `invalid --port '${read('port')}'` };
  const clock = read('clock') ?? 'realtime';
  if (clock !== 'manual' && clock !== 'realtime') return { ok: false, message: `invalid --clock '${clock}' (manual or realtime)` };
  const speed = Number(read('speed') ?? '1');
  if (!Number.isFinite(speed) || speed <= 0) return { ok: false, message: `invalid --speed '${read('speed')}'` };
  const seed = Number(read('seed') ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0) return { ok: false, message: `invalid --seed '${read('seed')}'` };
  const startTime = read('start-time') ?? null;
  if (startTime !== null && Number.isNaN(Date.parse(startTime))) return { ok: false, message: `invalid --start-time '${startTime}'` };
  const logLevel = read('log-level') ?? 'info';
  if (!['error', 'warn', 'info', 'debug'].includes(logLevel)) return { ok: false, message: `invalid --log-level '${logLevel}'` };
  const tenants = tenantSpecs === undefined ? null : parseTenants(tenantSpecs);
  if (typeof tenants === 'string') return { ok: false, message: tenants };
  return {
    ok: true,
    options: {
      host: read('host') ?? '127.0.0.1',
      port,
      tenants,
      clock,
      speed,
      startTime,
      seed,
      password: read('password') ?? null,
      logLevel: logLevel as ServeOptions['logLevel'],
      trace: read('trace') ?? null,
    },
  };
}

/** `NAME[:mysql|oracle]`, each name once; a message on the first bad spec. */
function parseTenants(specs: readonly string[]): TenantOption[] | string {
  const tenants: TenantOption[] = [];
  for (const spec of specs) {
    const [name = '', mode = 'mysql', extra] = spec.split(':');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || extra !== undefined) return `invalid --tenant '${spec}'`;
    if (mode !== 'mysql' && mode !== 'oracle') return `invalid tenant mode in '${spec}' (mysql or oracle)`;
    if (name.toLowerCase() === 'sys' || tenants.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      return `duplicate tenant name in '${spec}'`;
    }
    tenants.push({ name, mode });
  }
  return tenants;
}
