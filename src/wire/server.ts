/**
 * The MySQL protocol server on node:net: accepts connections, hands each a connection id (a counter from
 * 3221225473, as OceanBase's session ids look) and a scramble, and shuts down cleanly.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Connection } from './connection.js';
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

export function createWireServer(options: WireServerOptions): WireServer {
  const random = options.random ?? cryptoRandom;
  const connections = new Set<Connection>();
  let nextId = options.firstConnectionId ?? FIRST_CONNECTION_ID;
  let closing = false;

  const accept = (socket: Socket): void => {
    if (closing) {
      socket.on('error', () => undefined);
      socket.destroy();
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
      onClosed: (c) => connections.delete(c),
    });
    connections.add(connection);
  };

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
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const c of connections) c.close();
      });
    },
  };
}
