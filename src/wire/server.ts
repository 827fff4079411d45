/**
 * The MySQL protocol server on node:net: accepts connections, hands each a connection id (a counter from
 * 3221225473, as OceanBase's session ids look) and a scramble, and shuts down cleanly.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Connection, type ConnectionTimeouts } from './connection.js';
import { writeErr } from './generic-packets.js';
import { obError } from '../errors.js';
import { PacketWriter } from './packet-writer.js';
import { Capability, OCEANBASE_CAPABILITIES } from './protocol.js';
import { cryptoRandom, makeScramble, type WireRandom } from './random.js';
import type { SessionHost, WireLogger } from './session-port.js';

export interface WireServerOptions {
  readonly host: SessionHost;
  readonly logger: WireLogger;
  /** Scramble source; inject seededRandom(seed) for byte-identical handshakes. */
  readonly random?: WireRandom;
  /** Handshake server version; OceanBase hard-codes 5.7.25. */
  readonly serverVersion?: string;
  /**
   * Capability word of the greeting; OceanBase's 0x309CF7DF by default. SSL, COMPRESS and DEPRECATE_EOF are
   * always cleared: the layer implements none of them, and advertising them breaks clients (spec/wire.md §1.1).
   */
  readonly capabilities?: number;
  /** First connection id handed out. */
  readonly firstConnectionId?: number;
  /** Largest packet accepted from a client, and the cap on buffered input per connection. */
  readonly maxPacketBytes?: number;
  /** Connections served at once; the next one gets ERR 1040 "Too many connections" in place of the greeting. */
  readonly maxConnections?: number;
  /** Time limits of a connection (connect_timeout, net_read_timeout, net_write_timeout, wait_timeout). */
  readonly timeouts?: Partial<ConnectionTimeouts>;
}

export interface WireServer {
  listen(port: number, host?: string): Promise<{ host: string; port: number }>;
  /** Stops accepting, ends every connection, resolves once all are closed. */
  close(): Promise<void>;
  /** Open connections, for tests and diagnostics. */
  readonly connectionCount: number;
}

export const DEFAULT_SERVER_VERSION = '5.7.25';
const UNIMPLEMENTED_CAPABILITIES = Capability.SSL | Capability.COMPRESS | Capability.DEPRECATE_EOF;
export const FIRST_CONNECTION_ID = 0xc000_0001;
export const DEFAULT_MAX_PACKET_BYTES = 64 * 1024 * 1024;
/** OceanBase's max_connections (ob_system_variable_init: 2147483647): no cap unless one is configured. */
export const DEFAULT_MAX_CONNECTIONS = 2_147_483_647;
/** MySQL's and OceanBase's defaults, in seconds: connect_timeout 10, net_read_timeout 30, net_write_timeout 60, wait_timeout 28800. */
export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { connectMs: 10_000, readMs: 30_000, writeMs: 60_000, idleMs: 28_800_000 };
/** How often deadlines are checked, at most: a limit is enforced within a quarter of itself, and within a second. */
const MAX_SWEEP_MS = 1000;
const MIN_SWEEP_MS = 5;
const REFUSED_DESTROY_MS = 2000;

export function createWireServer(options: WireServerOptions): WireServer {
  const random = options.random ?? cryptoRandom;
  const connections = new Set<Connection>();
  let nextId = options.firstConnectionId ?? FIRST_CONNECTION_ID;
  let closing = false;
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const timeouts: ConnectionTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };

  const accept = (socket: Socket): void => {
    if (closing) {
      socket.on('error', () => undefined);
      socket.destroy();
      return;
    }
    if (connections.size >= maxConnections) {
      refuse(socket, options.logger, connections.size);
      return;
    }
    const connectionId = nextId;
    nextId = nextId >= 0xffff_ffff ? 1 : nextId + 1;
    const connection = new Connection(socket, {
      host: options.host,
      logger: options.logger,
      serverVersion: options.serverVersion ?? DEFAULT_SERVER_VERSION,
      capabilities: (options.capabilities ?? OCEANBASE_CAPABILITIES) & ~UNIMPLEMENTED_CAPABILITIES,
      maxPacketBytes: options.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES,
      connectionId,
      scramble: makeScramble(random),
      timeouts,
      onClosed: (c) => connections.delete(c),
    });
    connections.add(connection);
  };

  // One sweep for every connection's deadline, instead of a timer re-armed per packet: a packet costs a clock read.
  const sweepMs = Math.max(MIN_SWEEP_MS, Math.min(MAX_SWEEP_MS, Math.floor(Math.min(timeouts.connectMs, timeouts.readMs, timeouts.writeMs, timeouts.idleMs) / 4)));
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const c of connections) c.checkDeadline(now);
  }, sweepMs);
  sweep.unref();

  const server: Server = createServer({ allowHalfOpen: true, noDelay: true }, accept);
  server.on('error', (err: NodeJS.ErrnoException) => options.logger.warn('wire.server-error', { detail: err.code ?? err.message }));

  return {
    get connectionCount() {
      return connections.size;
    },
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          resolve({ host: address.address, port: address.port });
        });
      });
    },
    close() {
      closing = true;
      clearInterval(sweep);
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const c of connections) c.close();
      });
    },
  };
}

/**
 * A connection over the cap: MySQL's ER_CON_COUNT_ERROR in place of the greeting, then the end. The client has not
 * said it speaks protocol 4.1 yet, so the ERR carries no SQL state, as mysqld sends it before the handshake.
 */
function refuse(socket: Socket, logger: WireLogger, open: number): void {
  socket.on('error', () => undefined);
  const out = new PacketWriter((chunk) => {
    if (socket.writable) socket.write(chunk);
  });
  writeErr(out, obError('OB_ERR_CON_COUNT_ERROR'), false);
  out.flush();
  socket.end();
  const timer = setTimeout(() => socket.destroy(), REFUSED_DESTROY_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  logger.warn('wire.incident', { remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`, reason: 'too many connections', detail: `${open} open` });
}
