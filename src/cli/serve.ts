/**
 * `ob-backup-sim serve`: the MySQL-protocol server (what `npm start` runs). Prints exactly one line on stdout once
 * it accepts connections, logs to stderr at the chosen level, writes `--trace` JSON lines, and closes cleanly on
 * SIGINT and SIGTERM, or, started by npm or npx, when that process goes away (parent-watch.ts).
 */
import { chmodSync, createWriteStream } from 'node:fs';
import process from 'node:process';
import { StartError, startServer, type StatementTrace } from '../index.js';
import { parseServeOptions, type ServeOptions } from './options.js';
import { startedByNpm, watchParent } from './parent-watch.js';

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;

export async function runServe(args: readonly string[]): Promise<number> {
  const parsed = parseServeOptions(args, process.env);
  if (!parsed.ok) {
    process.stderr.write(`ob-backup-sim serve: ${parsed.message}\n`);
    return 2;
  }
  const options = parsed.options;
  // The signals are caught before the server starts, so one sent right after the ready line (or during start-up)
  // still closes it cleanly: installed later, the single-file executable was seen to die of an early SIGTERM.
  const stopRequested = new Promise<void>((resolve) => {
    const unwatch = startedByNpm(process.env) ? watchParent(resolve) : () => undefined;
    const stop = (): void => {
      unwatch();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // The trace holds statements (passwords masked, redact.ts) and who ran them: readable by its owner only.
  const trace = options.trace === null ? null : createWriteStream(options.trace, { flags: 'a', mode: 0o600 });
  if (trace !== null) trace.once('open', () => chmodSync(options.trace as string, 0o600));
  let server;
  try {
    server = await startServer({
      host: options.host,
      port: options.port,
      httpPort: options.httpPort ?? 'off',
      // The default port, when taken (another server, a parallel test), gives way to a free one; a given one fails.
      ...(args.some((a) => a.startsWith('--http-port')) || process.env['OB_SIM_HTTP_PORT'] !== undefined ? {} : { httpPortTaken: 'any' as const }),
      clock: options.clock,
      speed: options.speed,
      seed: options.seed,
      ...(options.tenants === null ? {} : { tenants: options.tenants }),
      ...(options.startTime === null ? {} : { startTime: options.startTime }),
      ...(options.password === null ? {} : { password: options.password }),
      ...(options.snapshotDir === null ? {} : { snapshotDir: options.snapshotDir }),
      ...(options.snapshot === null ? {} : { snapshot: options.snapshot }),
      ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
      logger: stderrLogger(options),
      maxConnections: options.maxConnections,
      maxAllowedPacket: options.maxAllowedPacket,
      connectTimeout: options.connectTimeout,
      netReadTimeout: options.netReadTimeout,
      netWriteTimeout: options.netWriteTimeout,
      waitTimeout: options.waitTimeout,
      ...(trace === null ? {} : { trace: (t: StatementTrace) => trace.write(`${JSON.stringify(t)}\n`) }),
    });
  } catch (e) {
    // State that lasts is opened before listening: its refusals (a bad snapshot, a locked data directory) say so.
    const message = e instanceof StartError ? e.message : `cannot listen on ${options.host}:${options.port}: ${(e as Error).message}`;
    process.stderr.write(`ob-backup-sim serve: ${message}\n`);
    return 1;
  }
  process.stdout.write(`ob-backup-sim listening on ${server.host}:${server.port}\n`);
  if (server.httpUrl !== null) process.stdout.write(`dashboard on ${server.httpUrl}\n`);
  // After the listening line, which scripts parse as the first line of output.
  if (options.password === null && !isLoopback(options.host)) {
    // The HTTP API runs SQL as sys too: without a password it is as open as the MySQL port, so it is named.
    const http = server.httpPort === null ? '' : ` and HTTP port ${server.httpPort} (the dashboard and its SQL API)`;
    process.stderr.write(`ob-backup-sim serve: warning: listening on ${options.host} port ${server.port}${http} without --password: any client that can reach it may log in as any user\n`);
  }
  await stopRequested;
  await server.close();
  if (trace !== null) await new Promise<void>((resolve) => trace.end(resolve));
  return 0;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
function isLoopback(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host.toLowerCase() === 'localhost';
}

function stderrLogger(options: ServeOptions) {
  const limit = LEVELS[options.logLevel];
  const line = (level: keyof typeof LEVELS) => (event: string, fields: Readonly<Record<string, string | number>>) => {
    if (LEVELS[level] > limit) return;
    const detail = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : v}`)
      .join(' ');
    process.stderr.write(`${new Date().toISOString()} ${level} ${event}${detail === '' ? '' : ` ${detail}`}\n`);
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn') };
}
