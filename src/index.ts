/**
 * The public API (emulator.md "Embedded use"): `createEmulator` for an in-process emulator without a socket, and
 * `startServer` for the same behind the MySQL wire protocol. This is the only place that wires the real clock.
 */
import { parse } from '../grammar/index.js';
import { advance as advanceCluster, now as nowUs } from './engine/index.js';
import type { Clock, Cluster } from './engine/index.js';
import { isObError, type ObError } from './errors.js';
import type { ResultSet } from './result.js';
import { ClusterRegistry, journaledAdvance, type EmulatorConfig, type StatementTrace } from './session/clusters.js';
import { EmulatorHost } from './session/host.js';
import type { StatementResult } from './session/port.js';
import { openSession } from './session/open-session.js';
import type { Session } from './session/session.js';
import { captureImage, installImage } from './session/snapshot-statement.js';
import { DataDirError, loadImage, openDataDir, openPersistence, snapshotBytes, writeFileAtomic, type OpenedDataDir } from './persist/index.js';
import { VERSION } from './cli/version.js';
import { createWireServer, nativePasswordStage2, seededRandom, verifyNativePassword, type WireLogger } from './wire/index.js';
import { Dashboard, type DashboardLogin } from './session/dashboard.js';
import { StatementLog } from './session/statement-log.js';
import { createHttpServer } from './http/server.js';
import { busiestTenant, clusterPicture } from './views/picture.js';
import { fitWindow, timeline } from './views/timeline.js';
import { drawPictureSvg } from './views/draw-svg.js';

export type { ObError } from './errors.js';
export { isObError } from './errors.js';
export type { ColumnDef, ResultSet, SqlType, SqlValue } from './result.js';
export { Decimal, Temporal } from './result.js';
export type { StatementResult } from './session/port.js';
export type { StatementTrace } from './session/clusters.js';

export interface EmulatorOptions {
  /** User tenants, replacing the defaults `mysql_tenant` (MySQL) and `oracle_tenant` (Oracle). */
  readonly tenants?: readonly { readonly name: string; readonly mode?: 'mysql' | 'oracle' }[];
  /** `manual` (time moves only when advanced; the default here) or `realtime`. */
  readonly clock?: 'manual' | 'realtime';
  /** Virtual seconds per real second in realtime mode. Default 1. */
  readonly speed?: number;
  /** Virtual start time: an ISO string, a Date or epoch milliseconds. Default: the real time now. */
  readonly startTime?: string | number | Date;
  /** The seed every size, duration and random choice derives from. Default 1. */
  readonly seed?: number;
  /** root's password in every tenant: strict authentication. Default: any user and password are accepted. */
  readonly password?: string;
  /** Where `ALTER EMULATOR SAVE / LOAD SNAPSHOT 'name'` write and read `<name>.obsnap` (`serve --snapshot-dir`). */
  readonly snapshotDir?: string;
  /** Every cluster starts from this snapshot instead of the blank start-up state: a file, or a snapshot's bytes. */
  readonly snapshot?: string | Uint8Array;
  /**
   * Every cluster's state survives restarts and crashes in this directory (`serve --data-dir`): a journal of
   * accepted inputs plus checkpoints; one emulator per directory. Call `close()` to checkpoint and release it.
   */
  readonly dataDir?: string;
  /** Where the emulator reports what a data directory's recovery did (a torn record dropped); default nothing. */
  readonly logger?: WireLogger;
}

export interface SessionOptions {
  /** Login tenant; default `sys`. */
  readonly tenant?: string;
  readonly user?: string;
  /** Cluster name; default the default cluster (''). */
  readonly cluster?: string;
  /** Current database; default none, as a client that names none. */
  readonly database?: string;
}

/** A session of the embedded emulator: its own variables, SET ENCRYPTION state and current database. */
export interface EmulatorSession {
  /** Runs a script; one result per statement, stopping after the first error. */
  query(sql: string): readonly StatementResult[];
  /** Runs SQL and returns the last statement's result (or the first error). */
  execute(sql: string): StatementResult;
  /** Runs a query and returns its result set, or the error. */
  rows(sql: string): ResultSet | ObError;
  /** The session time zone's offset from UTC at an instant, in seconds: how its times are shown. */
  utcOffsetSeconds(utcMicros: bigint): number;
}

/** A fault to arm: a target, an effect (one of error / throughputMbPerSecond / down) and when it is armed. */
export interface FaultSpec {
  readonly target: 'BACKUP DEST' | 'ARCHIVE DEST' | 'RESTORE' | 'BACKUP CLEAN' | 'SERVER';
  /** The tenant it applies to; default every tenant (a fault armed from sys). */
  readonly tenant?: string;
  /** `ERROR = <name>`: an OceanBase error name such as `OB_BACKUP_DEVICE_OUT_OF_SPACE`. */
  readonly error?: string;
  /** `THROUGHPUT = n MB PER SECOND` (dest targets). */
  readonly throughputMbPerSecond?: number;
  /** `DOWN` (SERVER). */
  readonly down?: boolean;
  /** Delay before it is armed, and how long it stays armed (default until cleared): a duration such as `30s`. */
  readonly after?: number | string;
  readonly for?: number | string;
}

/** The INJECT FAULT statement of a FaultSpec; durations in whole milliseconds become SECONDS with decimals. */
export function injectFaultSql(f: FaultSpec): string {
  const effect = f.error !== undefined ? `ERROR = ${f.error}` : f.throughputMbPerSecond !== undefined ? `THROUGHPUT = ${f.throughputMbPerSecond} MB PER SECOND` : f.down ? 'DOWN' : '';
  if (effect === '') throw new Error('a fault needs one of error, throughputMbPerSecond or down');
  const span = (word: string, d: number | string | undefined): string => (d === undefined ? '' : ` ${word} ${durationMs(d) / 1000} SECONDS`);
  const tenant = f.tenant === undefined ? '' : ` TENANT = ${f.tenant}`;
  return `ALTER EMULATOR INJECT FAULT ${f.target}${tenant} ${effect}${span('AFTER', f.after)}${span('FOR', f.for)}`;
}

export interface Emulator {
  /** Runs SQL in a fresh session as `tenant` and `user` (default sys, root): the result of the last statement. */
  execute(sql: string, as?: SessionOptions): StatementResult;
  /** A session whose variables persist between calls. */
  session(as?: SessionOptions): EmulatorSession;
  /** Moves virtual time forward: milliseconds, or a duration such as `30s`, `10m`, `2h`, `1d`. */
  advance(duration: number | string, cluster?: string): void;
  /** The virtual now. */
  now(cluster?: string): Date;
  /**
   * Arms a fault (emulator.md "Faults"), exactly as `ALTER EMULATOR INJECT FAULT` run in sys would; returns its
   * FAULT_ID. Throws the OceanBase error's message when the fault is refused.
   */
  injectFault(fault: FaultSpec, cluster?: string): number;
  /** Disarms one fault, or every fault of the cluster without an id (`ALTER EMULATOR CLEAR FAULT(S)`). */
  clearFaults(faultId?: number, cluster?: string): void;
  /**
   * The cluster as a snapshot (README "Snapshots and data directories"): its bytes, also written to `file` if given
   * (replaced whole, never half-written).
   */
  saveSnapshot(file?: string, cluster?: string): Uint8Array;
  /** Replaces the cluster with a snapshot (a file or bytes); throws, changing nothing, if the snapshot is refused. */
  loadSnapshot(snapshot: string | Uint8Array, cluster?: string): void;
  /** With a data directory: flushes, writes a checkpoint and releases the directory. Otherwise nothing. */
  close(): void;
  /**
   * Test-only diagnostics, not a stable API: the engine's Cluster behind `cluster` (default the default cluster),
   * so model-based tests can run the engine's invariant checker (`assertInvariants`) after every command.
   */
  inspect(cluster?: string): Cluster;
}

/**
 * The dashboard's picture of a cluster as one standalone SVG (what `npm run fixtures:docs` writes to docs/pictures):
 * the timeline of a tenant (default: the user tenant with the most history) over everything that happened, and its
 * backup set chain. The same drawing code as the page's.
 */
export function clusterPictureSvg(emulator: Pick<Emulator, 'inspect'>, options: { readonly cluster?: string; readonly tenant?: string; readonly width?: number; readonly caption?: string } = {}): string {
  const { state } = emulator.inspect(options.cluster ?? '');
  const picture = clusterPicture(state, state.nowUs);
  const tenant = picture.tenants.find((t) => t.name === options.tenant) ?? busiestTenant(picture);
  const name = tenant?.name ?? 'sys';
  const model = timeline(picture, name, fitWindow(tenant, picture), options.width ?? 960);
  return drawPictureSvg(model, tenant?.sets ?? [], options.caption ?? `Timeline and backup set chain of ${name}`);
}

/** The real clock, in microseconds: used only for a realtime virtual clock. */
const realClock: Clock = { now: () => Date.now() * 1000 };

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const registry = new ClusterRegistry(emulatorConfig(options, 'manual'));
  const dataDir = openDataDirectory(options, registry);
  let nextConnectionId = 1;
  const open = (as: SessionOptions = {}): Session => {
    const request = { cluster: as.cluster ?? '', tenant: as.tenant ?? 'sys', user: as.user ?? 'root', database: as.database };
    // The embedding program is trusted: it logs in with the configured password, as its own client would.
    const origin = { connectionId: nextConnectionId++, host: '127.0.0.1', sentPassword: registry.config.password !== null, knowsPassword: () => true };
    const opened = openSession(registry, request, origin);
    if (isObError(opened)) throw new Error(`cannot open a session as ${request.user}@${request.tenant}: ${opened.message}`);
    return opened;
  };
  const wrap = (session: Session): EmulatorSession => ({
    query: (sql) => session.query(sql),
    execute: (sql) => lastResult(session.query(sql)),
    rows: (sql) => {
      const result = lastResult(session.query(sql));
      if (isObError(result)) return result;
      return result.kind === 'rows' ? result.resultSet : { columns: [], rows: [] };
    },
    utcOffsetSeconds: (utcMicros) => session.utcOffsetSeconds(utcMicros),
  });
  return {
    execute: (sql, as) => lastResult(open(as).query(sql)),
    session: (as) => wrap(open(as)),
    advance: (duration, cluster = '') => {
      const entry = registry.get(cluster);
      if (entry.journal !== null) return journaledAdvance(entry, durationMs(duration) * 1000);
      advanceCluster(entry.cluster, durationMs(duration));
    },
    now: (cluster = '') => new Date(nowUs(registry.get(cluster).cluster) / 1000),
    injectFault: (fault, cluster = '') => {
      const result = lastResult(open({ cluster }).query(injectFaultSql(fault)));
      if (isObError(result)) throw new Error(result.message);
      return Number(result.kind === 'ok' ? (result.lastInsertId ?? 0) : 0);
    },
    clearFaults: (faultId, cluster = '') => {
      const sql = faultId === undefined ? 'ALTER EMULATOR CLEAR FAULTS' : `ALTER EMULATOR CLEAR FAULT ${faultId}`;
      const result = lastResult(open({ cluster }).query(sql));
      if (isObError(result)) throw new Error(result.message);
    },
    saveSnapshot: (file, cluster = '') => saveSnapshot(registry.get(cluster), file),
    loadSnapshot: (snapshot, cluster = '') => {
      const failed = installImage(registry.get(cluster), loadImage(snapshot, WRITER));
      if (failed !== null) throw new Error(failed.message);
    },
    close: () => dataDir?.close(),
    inspect: (cluster = '') => registry.get(cluster).cluster,
  };
}

/** Opens `options.dataDir` for the registry (recovering its clusters), or null; a StartError when it cannot. */
function openDataDirectory(options: EmulatorOptions, registry: ClusterRegistry): OpenedDataDir | null {
  if (options.dataDir === undefined) return null;
  let opened;
  try {
    opened = openDataDir(options.dataDir, registry, WRITER);
  } catch (e) {
    if (e instanceof DataDirError) throw new StartError(e.message);
    throw new StartError(`cannot use the data directory ${options.dataDir}: ${(e as Error).message}`);
  }
  for (const note of opened.notes) options.logger?.warn('data_dir_recovered', { detail: note });
  return opened;
}

/** The emulator cannot start as configured: a snapshot is refused, a data directory is locked or damaged. */
export class StartError extends Error {
  override name = 'StartError';
}

/** Who writes snapshot and data-directory files, as recorded in them and named in refusals. */
const WRITER = `ob-backup-sim ${VERSION}`;

function saveSnapshot(entry: ReturnType<ClusterRegistry['get']>, file: string | undefined): Uint8Array {
  const bytes = snapshotBytes(captureImage(entry), WRITER);
  if (file !== undefined) writeFileAtomic(file, bytes);
  return bytes;
}

export interface ServerOptions extends EmulatorOptions {
  /** Default 127.0.0.1; never 0.0.0.0 unless asked. */
  readonly host?: string;
  /** Default 2881; 0 picks a free port. */
  readonly port?: number;
  /** Where the server reports incidents and connections; default: nothing. */
  readonly logger?: WireLogger;
  /** Receives one record per statement (`serve --trace`). */
  readonly trace?: (record: StatementTrace) => void;
  /**
   * The HTTP port of the dashboard and JSON API (emulator.md "HTTP"), on the same host; 0 picks a free port. Default
   * `'off'` here, unlike `serve` (2880), so that test runners starting several servers never race for one port.
   */
  readonly httpPort?: number | 'off';
  /**
   * When httpPort is taken: `fail` (the default), or `any` to take a free port instead, as serve does for its
   * default port (like a dev server's), so parallel servers started with `--port 0` each get a dashboard.
   */
  readonly httpPortTaken?: 'fail' | 'any';
  /** Connections served at once; the next gets 1040 "Too many connections". Default 2147483647 (OceanBase's). */
  readonly maxConnections?: number;
  /** Largest packet accepted, in bytes. Default 16777216 (OceanBase's max_allowed_packet). */
  readonly maxAllowedPacket?: number;
  /** Seconds from connect to a completed login. Default 10. */
  readonly connectTimeout?: number;
  /** Seconds from a packet's first byte to its last. Default 30. */
  readonly netReadTimeout?: number;
  /** Seconds a reply may wait for the client to read it. Default 60. */
  readonly netWriteTimeout?: number;
  /** Seconds a connection may sit idle between commands. Default 28800. */
  readonly waitTimeout?: number;
}

/** OceanBase 4.2's max_allowed_packet, which @@max_allowed_packet reports. */
export const DEFAULT_MAX_ALLOWED_PACKET = 16_777_216;

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  /** The dashboard's address, `http://HOST:PORT/`, or null when HTTP is off. */
  readonly httpUrl: string | null;
  /** The HTTP port, or null when HTTP is off. */
  readonly httpPort: number | null;
  close(): Promise<void>;
  /** Test-only diagnostics, not a stable API: the engine's Cluster of that name (as Emulator.inspect). */
  inspect(cluster?: string): Cluster;
}

/** The emulator behind the MySQL wire protocol, for a test runner's global setup. Realtime clock by default. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // The parser is built on first use (a few hundred ms of chevrotain self-analysis). Build it before accepting
  // connections: MariaDB Connector/J reads its connect-time answers with a 500 ms timeout.
  parse('SELECT 1');
  const httpPort = options.httpPort ?? 'off';
  // The dashboard shows each cluster's statement log: the same records as --trace, kept in memory.
  const statementLog = new StatementLog();
  const trace = options.trace ?? null;
  const config = {
    ...emulatorConfig(options, 'realtime'),
    // The packet limit the wire enforces is the one @@max_allowed_packet shows.
    ...(options.maxAllowedPacket === undefined ? {} : { startGlobals: [['max_allowed_packet', BigInt(options.maxAllowedPacket)] as const] }),
    trace:
      httpPort === 'off'
        ? trace
        : (record: StatementTrace): void => {
            statementLog.add(record);
            trace?.(record);
          },
  };
  const registry = new ClusterRegistry(config);
  const dataDir = openDataDirectory(options, registry);
  const host = new EmulatorHost(registry, passwordCheck);
  const server = createWireServer({
    host,
    logger: options.logger ?? silentLogger,
    ...(config.cluster.clock?.mode === 'REALTIME' ? {} : { random: seededRandom(config.cluster.seed ?? 1) }),
    maxPacketBytes: options.maxAllowedPacket ?? DEFAULT_MAX_ALLOWED_PACKET,
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    timeouts: {
      ...secondsAsMs('connectMs', options.connectTimeout),
      ...secondsAsMs('readMs', options.netReadTimeout),
      ...secondsAsMs('writeMs', options.netWriteTimeout),
      ...secondsAsMs('idleMs', options.waitTimeout),
    },
  });
  const listenHost = options.host ?? '127.0.0.1';
  let address;
  try {
    address = await server.listen(options.port ?? 2881, listenHost);
  } catch (e) {
    dataDir?.close();
    throw e;
  }
  let http: { readonly url: string; readonly port: number; close(): Promise<void> } | null = null;
  if (httpPort !== 'off') {
    // The default cluster exists from the start, so the dashboard has something to show before any login.
    registry.get('');
    let nextHttpSession = HTTP_FIRST_CONNECTION_ID;
    // The HTTP layer checked the password itself (guard.ts), so its sessions are the program's own, as the embedded API's.
    const openAs = (as: DashboardLogin): Session | ObError =>
      openSession(registry, as, { connectionId: nextHttpSession++, host: '127.0.0.1', sentPassword: config.password !== null, knowsPassword: () => true });
    const httpServer = createHttpServer({ dashboard: new Dashboard(registry, openAs, statementLog), password: config.password, version: VERSION });
    try {
      const bound = await httpServer.listen(httpPort, listenHost).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EADDRINUSE' || options.httpPortTaken !== 'any') throw e;
        options.logger?.info('http.port-taken', { port: httpPort, detail: 'listening on a free port instead' });
        return httpServer.listen(0, listenHost);
      });
      http = { url: `http://${urlHost(bound.host)}:${bound.port}/`, port: bound.port, close: () => httpServer.close() };
    } catch (e) {
      await server.close();
      dataDir?.close();
      throw e;
    }
  }
  return {
    host: address.host,
    port: address.port,
    httpUrl: http?.url ?? null,
    httpPort: http?.port ?? null,
    close: async () => {
      await Promise.all([server.close(), http?.close()]);
      dataDir?.close();
    },
    inspect: (cluster = '') => registry.get(cluster).cluster,
  };
}

/** Connection ids of HTTP sessions: far from the wire's (from 0xC0000001) and the embedded API's (from 1). */
const HTTP_FIRST_CONNECTION_ID = 0x4000_0000;

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}


function secondsAsMs<K extends string>(key: K, seconds: number | undefined): Partial<Record<K, number>> {
  if (seconds === undefined) return {};
  if (!(Number.isFinite(seconds) && seconds > 0)) throw new Error(`invalid ${key.replace('Ms', '')} timeout: ${seconds}`);
  return { [key]: seconds * 1000 } as Partial<Record<K, number>>;
}

const silentLogger: WireLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined };

function emulatorConfig(options: EmulatorOptions, defaultClock: 'manual' | 'realtime'): EmulatorConfig {
  const startUs = options.startTime === undefined ? Date.now() * 1000 : startTimeUs(options.startTime);
  let persistence;
  try {
    persistence = openPersistence({
      ...(options.snapshotDir === undefined ? {} : { snapshotDir: options.snapshotDir }),
      ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot }),
      writer: WRITER,
    });
  } catch (e) {
    throw new StartError((e as Error).message);
  }
  const clock = options.clock ?? defaultClock;
  return {
    persistence,
    cluster: {
      seed: options.seed ?? 1,
      startTimeUs: startUs,
      clock: clock === 'manual' ? { mode: 'MANUAL' } : { mode: 'REALTIME', speed: options.speed ?? 1 },
      ...(options.tenants === undefined ? {} : { tenants: options.tenants.map((t) => ({ name: t.name, mode: t.mode ?? 'mysql' })) }),
    },
    password: options.password ?? null,
    realClock,
    trace: null,
  };
}

/** Epoch microseconds of a start time; ISO strings keep up to six fractional digits. */
function startTimeUs(startTime: string | number | Date): number {
  const ms = new Date(startTime).getTime();
  if (Number.isNaN(ms)) throw new Error(`invalid startTime: ${String(startTime)}`);
  const micros = typeof startTime === 'string' ? /\.\d{3}(\d{1,3})/.exec(startTime)?.[1] : undefined;
  return ms * 1000 + (micros === undefined ? 0 : Number(micros.padEnd(3, '0')));
}

function passwordCheck(token: Buffer, scramble: Buffer, password: string): boolean {
  return verifyNativePassword(token, scramble, nativePasswordStage2(password));
}

function lastResult(results: readonly StatementResult[]): StatementResult {
  return results[results.length - 1] ?? { kind: 'ok' };
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `1500`, `30s`, `10m`, `2h`, `1d` → milliseconds. */
export function durationMs(duration: number | string): number {
  if (typeof duration === 'number') return duration;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(duration);
  if (!m) throw new Error(`invalid duration '${duration}' (e.g. 1500, 30s, 10m, 2h, 1d)`);
  return Number(m[1]) * (UNIT_MS[m[2] ?? 'ms'] ?? 1);
}
