/**
 * Fuzz inputs that each need a fresh connection: hostile handshakes (random bytes, truncated, mutated, wrong
 * sequence ids, SSLRequest without TLS, huge length fields, length-encoded fields longer than the packet, garbage
 * after an auth switch) and stream-level garbage after a valid command. Two well-formed controls ride along (a
 * login split into tiny writes, a login with pipelined queries) and must end cleanly.
 */
import fc from 'fast-check';
import { frame, handshakeResponse, scrambleOf } from '../../unit/wire/server-harness.js';
import { mutate, mutations } from './mutate.js';
import { command } from './wire-client.js';


/** How the connection must end: with one incident line, with a clean COM_QUIT, or either (the input decides). */
export type Expected = 'incident' | 'quit' | 'any';

export class ConnectionScript {
  constructor(
    readonly label: string,
    readonly expected: Expected,
    /** The writes to make after the greeting, each its own socket write. */
    readonly writes: (greeting: Buffer) => Buffer[],
    /** Send COM_QUIT after the writes (before ending our side). */
    readonly quit: boolean,
    /** COM_QUERY answers the server must send (well-formed controls only). */
    readonly answers = 0,
  ) {}

  [fc.toStringMethod](): string {
    return `${this.label} (expect ${this.expected})`;
  }
}

export const FUZZ_USER = 'root@mysql_tenant#fuzz';

const login = (g: Buffer, opts: { plugin?: string } = {}): Buffer => frame(1, handshakeResponse(scrambleOf(g), { user: FUZZ_USER, db: 'oceanbase', ...opts }));
const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((b) => Buffer.from(b));

/** A HandshakeResponse41 whose auth data or attributes announce a length-encoded size far past the packet. */
function lenencOverrun(g: Buffer, where: 'auth' | 'attrs', huge: Buffer): Buffer {
  const caps = 0x0200 | 0x8000 | 0x0008_0000 | 0x0001 | (where === 'auth' ? 0x0020_0000 : 0x0010_0000);
  const fixed = Buffer.alloc(32);
  fixed.writeUInt32LE(caps >>> 0, 0);
  fixed.writeUInt32LE(16 * 1024 * 1024, 4);
  fixed[8] = 45;
  const token = scrambleOf(g).subarray(0, 20);
  const auth = where === 'auth' ? huge : Buffer.concat([Buffer.of(token.length), token]);
  const tail = where === 'attrs' ? Buffer.concat([Buffer.from('mysql_native_password\0'), huge]) : Buffer.from('mysql_native_password\0');
  return frame(1, Buffer.concat([fixed, Buffer.from(`${FUZZ_USER}\0`), auth, tail]));
}

const hugeLenenc = fc
  .oneof(
    fc.record({ prefix: fc.constant(0xfe), rest: bytes(8, 8) }),
    fc.record({ prefix: fc.constant(0xfd), rest: bytes(3, 3) }),
    fc.record({ prefix: fc.constant(0xfc), rest: bytes(2, 2) }),
    fc.record({ prefix: fc.constantFrom(0xfb, 0xff), rest: bytes(0, 4) }),
  )
  .map(({ prefix, rest }) => {
    const b = Buffer.concat([Buffer.of(prefix), rest]);
    if (prefix !== 0xfb && prefix !== 0xff) b[b.length - 1] = (b[b.length - 1] as number) | 0x80;
    return b;
  });

/** Splits a buffer into chunks at the given fractions. */
function split(b: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * b.length)))].filter((p) => p > 0 && p < b.length).sort((x, y) => x - y);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    out.push(b.subarray(from, p));
    from = p;
  }
  out.push(b.subarray(from));
  return out;
}

const query = (sql: string): Buffer => command(0x03, Buffer.from(sql));

export const connectionScript: fc.Arbitrary<ConnectionScript> = fc.oneof(
  bytes(1, 300).map((b) => new ConnectionScript('random bytes before login', 'incident', () => [b], false)),
  bytes(0, 200).map((b) => new ConnectionScript('random payload framed as a handshake response', 'any', () => [frame(1, b)], false)),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map(
    (at) => new ConnectionScript('truncated login', 'incident', (g) => { const l = login(g); return [l.subarray(0, Math.max(1, Math.floor(at * l.length)))]; }, false),
  ),
  mutations.map((ops) => new ConnectionScript(`mutated login ${JSON.stringify(ops)}`, 'any', (g) => [mutate(login(g), ops)], true)),
  fc.record({ length: fc.oneof(fc.constant(0xff_ffff), fc.integer({ min: 1 << 20, max: 0xff_fffe })), afterLogin: fc.boolean(), body: bytes(0, 100) }).map(
    ({ length, afterLogin, body }) => {
      const header = Buffer.of(length & 0xff, (length >> 8) & 0xff, length >> 16, afterLogin ? 0 : 1);
      return new ConnectionScript(`huge length ${length} ${afterLogin ? 'after' : 'before'} login`, 'incident', (g) => (afterLogin ? [login(g), Buffer.concat([header, body])] : [Buffer.concat([header, body])]), false);
    },
  ),
  fc.integer({ min: 0, max: 255 }).filter((s) => s !== 1).map(
    (seq) => new ConnectionScript(`login with sequence id ${seq}`, 'incident', (g) => { const l = login(g); l[3] = seq; return [l]; }, true),
  ),
  bytes(0, 0).map(() => new ConnectionScript('SSLRequest without TLS', 'incident', () => { const p = Buffer.alloc(32); p.writeUInt32LE(0x0200 | 0x0800 | 0x8000); return [frame(1, p)]; }, false)),
  fc.record({ where: fc.constantFrom<'auth' | 'attrs'>('auth', 'attrs'), huge: hugeLenenc }).map(
    ({ where, huge }) => new ConnectionScript(`length-encoded ${where} of ${huge.toString('hex')}`, 'incident', (g) => [lenencOverrun(g, where, huge)], false),
  ),
  fc.record({ plugin: fc.oneof(fc.constant('caching_sha2_password'), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\0') && s !== 'mysql_native_password')), reply: fc.oneof(bytes(0, 40).map((b) => frame(3, b)), bytes(1, 60), fc.record({ seq: fc.integer({ min: 0, max: 255 }), b: bytes(0, 40) }).map(({ seq, b }) => frame(seq, b))) }).map(
    ({ plugin, reply }) => new ConnectionScript(`auth switch from ${JSON.stringify(plugin)} answered with ${reply.toString('hex')}`, 'any', (g) => [login(g, { plugin }), reply], true),
  ),
  fc.record({ valid: fc.constantFrom(command(0x0e), query('SELECT 1'), query('SHOW EMULATOR STATUS')), garbage: bytes(1, 80) }).map(
    ({ valid, garbage }) => new ConnectionScript(`garbage after ${valid.toString('hex')}: ${garbage.toString('hex')}`, 'any', (g) => [login(g), Buffer.concat([valid, garbage])], true),
  ),
  fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 12 }).map(
    (cuts) => new ConnectionScript(`login and query split at ${cuts.length} points`, 'quit', (g) => split(Buffer.concat([login(g), query('SELECT 6 * 7')]), cuts), true, 1),
  ),
  fc.integer({ min: 1, max: 8 }).map(
    (n) => new ConnectionScript(`${n} queries pipelined with the login`, 'quit', (g) => [Buffer.concat([login(g), ...Array.from({ length: n }, () => query('SELECT 6 * 7'))])], true, n),
  ),
);
