/**
 * The one table of `ob-backup-sim serve`'s options (emulator.md "Command line"): each row names its flag, its
 * value, its default and its help line, and parses its value. Every flag can also be given as an environment
 * variable OB_SIM_<NAME> (upper case, dashes as underscores), and a flag wins over the variable. `--help`
 * (help.ts) is printed from this table, so a new row is documented without more work; the table is keyed by
 * ServeOptions, so the compiler names a field without a row.
 */

export interface TenantOption {
  readonly name: string;
  readonly mode: 'mysql' | 'oracle';
}

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** The HTTP port of the dashboard and API (0 picks a free one), or null for `--http-port off`. */
  readonly httpPort: number | null;
  readonly tenants: readonly TenantOption[] | null;
  readonly clock: 'manual' | 'realtime';
  readonly speed: number;
  /** Virtual start time as an ISO string, or null for the real time at start-up. */
  readonly startTime: string | null;
  readonly seed: number;
  readonly password: string | null;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  readonly trace: string | null;
  readonly maxConnections: number;
  readonly maxAllowedPacket: number;
  /** Seconds (connect_timeout, net_read_timeout, net_write_timeout, wait_timeout). */
  readonly connectTimeout: number;
  readonly netReadTimeout: number;
  readonly netWriteTimeout: number;
  readonly waitTimeout: number;
  /** `--snapshot-dir`: where SAVE / LOAD SNAPSHOT read and write; null refuses them. */
  readonly snapshotDir: string | null;
  /** `--snapshot`: the file every cluster starts from, or null for the blank start-up state. */
  readonly snapshot: string | null;
  /** `--data-dir`: where every cluster's state survives restarts, or null (state ends with the process). */
  readonly dataDir: string | null;
}

/** A value a row refused: the message printed after `ob-backup-sim serve: `. */
class Invalid {
  constructor(readonly message: string) {}
}

export interface OptionRow<T> {
  /** The flag without its dashes; the variable is derived from it (envName). */
  readonly flag: string;
  /** The value's placeholder in --help. */
  readonly value: string;
  /** What --help shows as the default. */
  readonly shownDefault: string;
  readonly help: string;
  /** Given more than once, every value is kept (a comma list in the variable). */
  readonly repeatable?: true;
  /** The value when neither the flag nor the variable is given. */
  readonly absent: T;
  /** The given values (the last wins unless repeatable) to the option, or why not. */
  parse(values: readonly string[]): T | Invalid;
}

/** A timeout in seconds: positive, fractions allowed (tests use sub-second limits), at most a year as in OceanBase. */
const isSeconds = (n: number): boolean => Number.isFinite(n) && n > 0 && n <= 31536000;

const last = (values: readonly string[]): string => values[values.length - 1] ?? '';

function numberRow(flag: string, absent: number, ok: (n: number) => boolean, help: string, value = 'N'): OptionRow<number> {
  return {
    flag,
    value,
    shownDefault: String(absent),
    help,
    absent,
    parse: (values) => {
      const n = Number(last(values));
      return last(values).trim() !== '' && ok(n) ? n : new Invalid(`invalid --${flag} '${last(values)}'`);
    },
  };
}

function choiceRow<T extends string>(flag: string, choices: readonly T[], absent: T, help: string): OptionRow<T> {
  return {
    flag,
    value: choices.join('|'),
    shownDefault: absent,
    help,
    absent,
    parse: (values) => {
      const v = last(values);
      return (choices as readonly string[]).includes(v) ? (v as T) : new Invalid(`invalid --${flag} '${v}' (${choices.join(' or ')})`);
    },
  };
}

function textRow(flag: string, value: string, shownDefault: string, help: string): OptionRow<string | null> {
  return { flag, value, shownDefault, help, absent: null, parse: (values) => last(values) };
}

export const SERVE_OPTIONS: { readonly [K in keyof ServeOptions]: OptionRow<ServeOptions[K]> } = {
  host: { flag: 'host', value: 'HOST', shownDefault: '127.0.0.1', help: 'address to listen on (never 0.0.0.0 unless asked)', absent: '127.0.0.1', parse: last },
  port: numberRow('port', 2881, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, "MySQL-protocol port (OceanBase's); 0 picks a free port"),
  httpPort: {
    flag: 'http-port',
    value: 'N|off',
    shownDefault: '2880',
    help: 'HTTP port of the dashboard and JSON API; 0 picks a free port, off disables it',
    absent: 2880,
    parse: (values) => {
      const v = last(values).trim();
      if (v.toLowerCase() === 'off') return null;
      const n = Number(v);
      return v !== '' && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : new Invalid(`invalid --http-port '${last(values)}' (a port, 0, or off)`);
    },
  },
  tenants: {
    flag: 'tenant',
    value: 'NAME[:mysql|oracle]',
    shownDefault: 'mysql_tenant, oracle_tenant:oracle',
    help: 'a user tenant; replaces the two default user tenants',
    repeatable: true,
    absent: null,
    parse: (values) => {
      const tenants = parseTenants(values);
      return typeof tenants === 'string' ? new Invalid(tenants) : tenants;
    },
  },
  clock: choiceRow('clock', ['manual', 'realtime'] as const, 'realtime', 'manual: time moves only by ALTER EMULATOR ADVANCE TIME'),
  speed: numberRow('speed', 1, (n) => Number.isFinite(n) && n > 0, 'virtual seconds per real second (realtime clock)'),
  startTime: {
    ...textRow('start-time', 'ISO', 'the real time at start-up', 'virtual time at start, e.g. 2024-01-31T03:20:00Z'),
    parse: (values) => (Number.isNaN(Date.parse(last(values))) ? new Invalid(`invalid --start-time '${last(values)}'`) : last(values)),
  },
  seed: numberRow('seed', 1, (n) => Number.isSafeInteger(n) && n >= 0, 'seed of every size, duration and random choice'),
  password: textRow('password', 'PW', 'none: any user and password are accepted', "strict authentication: root's password in every tenant"),
  logLevel: choiceRow('log-level', ['error', 'warn', 'info', 'debug'] as const, 'info', 'what is logged to stderr'),
  trace: textRow('trace', 'FILE', 'none', 'append one JSON line per statement to FILE'),
  maxConnections: numberRow('max-connections', 2147483647, (n) => Number.isInteger(n) && n >= 1 && n <= 2147483647, 'connections served at once; the next gets 1040 "Too many connections" (OceanBase\'s max_connections)'),
  maxAllowedPacket: numberRow('max-allowed-packet', 16777216, (n) => Number.isInteger(n) && n >= 1024 && n <= 1073741824, 'largest packet accepted, refused with 1153 from its header (max_allowed_packet)', 'BYTES'),
  connectTimeout: numberRow('connect-timeout', 10, isSeconds, 'seconds from connect to a completed login (connect_timeout)', 'SECONDS'),
  netReadTimeout: numberRow('net-read-timeout', 30, isSeconds, "seconds from a packet's first byte to its last (net_read_timeout)", 'SECONDS'),
  netWriteTimeout: numberRow('net-write-timeout', 60, isSeconds, 'seconds a reply may wait for the client to read it (net_write_timeout)', 'SECONDS'),
  waitTimeout: numberRow('wait-timeout', 28800, isSeconds, 'seconds a connection may sit idle between commands (wait_timeout)', 'SECONDS'),
  snapshotDir: textRow('snapshot-dir', 'DIR', 'none: SAVE / LOAD SNAPSHOT are refused', "where ALTER EMULATOR SAVE / LOAD SNAPSHOT 'name' keep DIR/name.obsnap"),
  snapshot: textRow('snapshot', 'FILE', 'none: a blank cluster', 'every cluster starts from this snapshot (a .obsnap file)'),
  dataDir: textRow('data-dir', 'DIR', 'none: state ends with the process', "every cluster's state survives restarts and crashes (journal + checkpoints); one server per DIR"),
};

type Row = OptionRow<unknown>;
export const ROWS: readonly (readonly [keyof ServeOptions, Row])[] = Object.entries(SERVE_OPTIONS) as [keyof ServeOptions, Row][];

/** OB_SIM_<NAME> of a flag. */
export function envName(flag: string): string {
  return `OB_SIM_${flag.toUpperCase().replaceAll('-', '_')}`;
}

export type OptionsResult = { readonly ok: true; readonly options: ServeOptions } | { readonly ok: false; readonly message: string };

/**
 * Reads flags (`--port 2881` or `--port=2881`) and OB_SIM_* variables into checked options. `keys` are the
 * options the command takes (the others are unknown flags, their variables ignored, their values the defaults);
 * `absent` replaces some defaults (repl's manual clock).
 */
export function parseServeOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  keys: readonly (keyof ServeOptions)[] = ROWS.map(([key]) => key),
  absent: Partial<ServeOptions> = {},
): OptionsResult {
  const rows = ROWS.filter(([key]) => keys.includes(key));
  const given = new Map<Row, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const row = m === null ? undefined : rows.find(([, r]) => r.flag === m[1])?.[1];
    if (m === null || row === undefined) return { ok: false, message: `unknown option '${arg}'` };
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) return { ok: false, message: `option '--${row.flag}' needs a value` };
    }
    given.set(row, [...(given.get(row) ?? []), value]);
  }
  const options: Record<string, unknown> = {};
  for (const [key, row] of ROWS) {
    const values = rows.some(([, r]) => r === row) ? (given.get(row) ?? fromEnv(row, env[envName(row.flag)])) : undefined;
    const parsed = values === undefined ? (key in absent ? absent[key] : row.absent) : row.parse(values);
    if (parsed instanceof Invalid) return { ok: false, message: parsed.message };
    options[key] = parsed;
  }
  return { ok: true, options: options as unknown as ServeOptions };
}

/** A variable's values: a repeatable option's is a comma list; an empty list counts as not given. */
function fromEnv(row: Row, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (!row.repeatable) return [value];
  return value.trim() === '' ? undefined : value.split(',').map((s) => s.trim());
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
