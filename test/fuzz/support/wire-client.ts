/**
 * A raw MySQL-protocol client for fuzzing: it sends arbitrary bytes and reads the server's packets one at a time
 * from an incremental framer, so a connection can carry thousands of commands without re-parsing what it received.
 */
import { connect, type Socket } from 'node:net';
import { connectionIdOf, frame, handshakeResponse, scrambleOf } from '../../unit/wire/server-harness.js';

export interface Packet {
  readonly seq: number;
  readonly payload: Buffer;
}

/** Generous: the machine may be loaded; a wait that ends here is a hang, which the test reports. */
export const WAIT_MS = 20_000;

export class WireClient {
  readonly socket: Socket;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly queue: Packet[] = [];
  private waiter: (() => void) | null = null;
  closed = false;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.buffered += d.length;
      this.cut();
      this.wake();
    });
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** The next packet, or null once the server has closed and nothing is left. */
  async next(timeoutMs = WAIT_MS): Promise<Packet | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.queue.shift();
      if (p !== undefined) return p;
      if (this.closed) return null;
      if (Date.now() > deadline) throw new Error(`no packet from the server within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves once the server has closed the socket (after our end, or its own). */
  async closedByServer(timeoutMs = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error(`the server kept the socket open for ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Packets received and not yet read. */
  drain(): Packet[] {
    return this.queue.splice(0);
  }

  send(bytes: Uint8Array): void {
    if (!this.closed) this.socket.write(bytes);
  }

  end(): void {
    this.socket.end();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private cut(): void {
    while (this.buffered >= 4) {
      let first = this.chunks[0] as Buffer;
      if (first.length < 4) {
        first = Buffer.concat(this.chunks);
        this.chunks = [first];
      }
      const length = first.readUIntLE(0, 3);
      if (this.buffered < 4 + length) return;
      // Join only once the whole packet is here, so a large packet arriving in pieces is copied once.
      if (first.length < 4 + length) {
        first = Buffer.concat(this.chunks);
        this.chunks = [first];
      }
      this.queue.push({ seq: first[3] as number, payload: first.subarray(4, 4 + length) });
      const rest = first.subarray(4 + length);
      this.chunks.shift();
      if (rest.length > 0) this.chunks.unshift(rest);
      this.buffered -= 4 + length;
    }
  }
}

export interface Greeted {
  readonly client: WireClient;
  readonly greeting: Buffer;
  readonly connectionId: number;
}

export async function greeted(port: number): Promise<Greeted> {
  const client = new WireClient(port);
  const first = await client.next();
  if (first === null) throw new Error('the server closed before its greeting');
  return { client, greeting: first.payload, connectionId: connectionIdOf(first.payload) };
}

/** A HandshakeResponse41 for `user` in database oceanbase (any password: the server authenticates permissively). */
export function loginPacket(greeting: Buffer, user: string): Buffer {
  return frame(1, handshakeResponse(scrambleOf(greeting), { user, db: 'oceanbase' }));
}

/** Connects and logs in; throws unless the server answers OK. */
export async function loggedIn(port: number, user: string): Promise<Greeted> {
  const g = await greeted(port);
  g.client.send(loginPacket(g.greeting, user));
  const ok = await g.client.next();
  if (ok === null || ok.payload[0] !== 0x00) throw new Error(`login as ${user} failed: ${ok?.payload.toString('hex') ?? 'closed'}`);
  return g;
}

/** One command packet (sequence id 0). */
export function command(code: number, body: Uint8Array = new Uint8Array(0)): Buffer {
  return frame(0, Buffer.concat([Buffer.of(code), body]));
}

export { frame };
