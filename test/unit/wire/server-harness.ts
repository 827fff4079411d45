/**
 * Starts the wire server on an ephemeral port with the session-host test double and a recording logger, and
 * offers a raw-socket client for byte-level tests (pipelining, malformed input).
 */
import { connect, type Socket } from 'node:net';
import { nativePasswordToken } from '../../../src/wire/native-password.js';
import { seededRandom } from '../../../src/wire/random.js';
import { createWireServer, type WireServer, type WireServerOptions } from '../../../src/wire/server.js';
import { PASSWORD, RecordingLogger, SessionHostDouble } from './session-host-double.js';

export interface Harness {
  readonly server: WireServer;
  readonly host: SessionHostDouble;
  readonly logger: RecordingLogger;
  readonly port: number;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<WireServerOptions> = {}): Promise<Harness> {
  const host = new SessionHostDouble();
  const logger = new RecordingLogger();
  const server = createWireServer({ host, logger, random: seededRandom(7), ...options });
  const { port } = await server.listen(0, '127.0.0.1');
  return { server, host, logger, port, close: () => server.close() };
}

/** A raw client that collects every byte the server sends. */
export class RawClient {
  readonly socket: Socket;
  private received = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (d) => {
      this.received = Buffer.concat([this.received, d]);
      this.wake();
    });
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Waits until `predicate` holds on the bytes received so far (or the socket closes). */
  async until(predicate: (bytes: Buffer) => boolean, timeoutMs = 30_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (this.closed) break;
      if (Date.now() > deadline) throw new Error(`timed out with ${this.received.toString('hex')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.received;
  }

  /** Splits everything received into packets: [seq, payload]. */
  packets(): [number, Buffer][] {
    const out: [number, Buffer][] = [];
    let at = 0;
    const b = this.received;
    while (at + 4 <= b.length) {
      const len = b.readUIntLE(at, 3);
      if (at + 4 + len > b.length) break;
      out.push([b[at + 3] as number, b.subarray(at + 4, at + 4 + len)]);
      at += 4 + len;
    }
    return out;
  }

  async waitPackets(n: number): Promise<[number, Buffer][]> {
    await this.until(() => this.packets().length >= n);
    return this.packets();
  }

  send(b: Buffer): void {
    this.socket.write(b);
  }

  end(): void {
    this.socket.end();
  }
}

export function frame(seq: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUIntLE(payload.length, 0, 3);
  h[3] = seq;
  return Buffer.concat([h, payload]);
}

/** The scramble of a greeting payload (parts 1 and 2). */
export function scrambleOf(greeting: Buffer): Buffer {
  const versionEnd = greeting.indexOf(0, 1);
  const part1 = greeting.subarray(versionEnd + 5, versionEnd + 13);
  const part2 = greeting.subarray(versionEnd + 13 + 1 + 2 + 1 + 2 + 2 + 1 + 10, versionEnd + 13 + 1 + 2 + 1 + 2 + 2 + 1 + 10 + 12);
  return Buffer.concat([part1, part2]);
}

export function connectionIdOf(greeting: Buffer): number {
  const versionEnd = greeting.indexOf(0, 1);
  return greeting.readUInt32LE(versionEnd + 1);
}

/** A HandshakeResponse41 payload for root/secret (or another plugin and token). */
export function handshakeResponse(scramble: Buffer, opts: { user?: string; plugin?: string; token?: Buffer; db?: string; caps?: number } = {}): Buffer {
  const user = opts.user ?? 'root@sys';
  const token = opts.token ?? nativePasswordToken(PASSWORD, scramble);
  const plugin = opts.plugin ?? 'mysql_native_password';
  // PROTOCOL_41 | SECURE_CONNECTION | PLUGIN_AUTH | CONNECT_ATTRS | (CONNECT_WITH_DB) | LONG_PASSWORD | TRANSACTIONS
  const caps = opts.caps ?? (0x0200 | 0x8000 | 0x0008_0000 | 0x0010_0000 | 0x0001 | 0x2000 | (opts.db ? 0x0008 : 0));
  const fixed = Buffer.alloc(32);
  fixed.writeUInt32LE(caps >>> 0, 0);
  fixed.writeUInt32LE(16 * 1024 * 1024, 4);
  fixed[8] = 45;
  const attrs = Buffer.concat([Buffer.of(4), Buffer.from('_pid'), Buffer.of(2), Buffer.from('42')]);
  return Buffer.concat([
    fixed,
    Buffer.from(user + '\0'),
    Buffer.of(token.length),
    token,
    opts.db ? Buffer.from(opts.db + '\0') : Buffer.alloc(0),
    Buffer.from(plugin + '\0'),
    Buffer.of(attrs.length),
    attrs,
  ]);
}

/** Connects, reads the greeting and logs in as root; returns the client and its connection id. */
export async function loggedIn(port: number): Promise<{ client: RawClient; connectionId: number }> {
  const client = new RawClient(port);
  const [[, greeting]] = (await client.waitPackets(1)) as [[number, Buffer]];
  client.send(frame(1, handshakeResponse(scrambleOf(greeting))));
  await client.waitPackets(2);
  return { client, connectionId: connectionIdOf(greeting) };
}
