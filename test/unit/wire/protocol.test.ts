/**
 * Byte-level behaviour over a raw socket: deterministic greetings, pipelining (also packets sent along with the
 * auth response, and with an asynchronous host), the auth switch from caching_sha2_password, sequence ids after
 * a split command, utility commands, binary parameters of every type, long data, and unknown statements/commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/result.js';
import { nativePasswordToken } from '../../../src/wire/native-password.js';
import { PASSWORD } from './session-host-double.js';
import { RawClient, connectionIdOf, frame, handshakeResponse, loggedIn, scrambleOf, startHarness, type Harness } from './server-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const query = (sql: string): Buffer => frame(0, Buffer.concat([Buffer.of(0x03), Buffer.from(sql)]));
const kinds = (packets: [number, Buffer][]): string[] =>
  packets.map(([seq, p]) => `${seq}:${p[0] === 0x00 ? 'OK' : p[0] === 0xff ? 'ERR' : p[0] === 0xfe && p.length < 9 ? 'EOF' : 'DATA'}`);

describe('greeting', () => {
  it('is byte-identical for the same seed', async () => {
    const a = await startHarness();
    const b = await startHarness();
    const ca = new RawClient(a.port);
    const cb = new RawClient(b.port);
    const [[, ga]] = (await ca.waitPackets(1)) as [[number, Buffer]];
    const [[, gb]] = (await cb.waitPackets(1)) as [[number, Buffer]];
    expect(ga).toEqual(gb);
    expect(connectionIdOf(ga)).toBe(3221225473);
    ca.end();
    cb.end();
    await Promise.all([a.close(), b.close()]);
  });
});

describe('pipelining', () => {
  async function pipelined(harness: Harness): Promise<string[]> {
    const c = new RawClient(harness.port);
    const [[, greeting]] = (await c.waitPackets(1)) as [[number, Buffer]];
    c.send(Buffer.concat([frame(1, handshakeResponse(scrambleOf(greeting))), query('select 1'), query('boom'), query('set x = 1')]));
    const packets = await c.waitPackets(1 + 1 + 5 + 1 + 1);
    c.end();
    return kinds(packets.slice(1));
  }
  const expected = ['2:OK', '1:DATA', '2:DATA', '3:EOF', '4:DATA', '5:EOF', '1:ERR', '1:OK'];

  it('answers commands sent with the auth response after the auth OK, in order, each from sequence 1', async () => {
    expect(await pipelined(h)).toEqual(expected);
  });

  it('keeps the same order when the host answers the login asynchronously', async () => {
    const slow = await startHarness();
    slow.host.delayMs = 30;
    expect(await pipelined(slow)).toEqual(expected);
    await slow.close();
  });
});

describe('a client that stops reading', () => {
  it('stops being read until it reads again: replies never pile up in memory', async () => {
    const { client } = await loggedIn(h.port);
    const session = h.host.sessions.at(-1);
    if (session === undefined) throw new Error('no session');
    client.socket.pause();
    // 12 replies of 1 MB each: more than the socket buffers on both ends hold (about 4 of them here).
    const replies = 12;
    for (let i = 0; i < replies; i++) client.send(query('big 1000000'));
    await new Promise((r) => setTimeout(r, 300));
    const whilePaused = session.queries;
    expect(whilePaused).toBeGreaterThan(0);
    expect(whilePaused).toBeLessThan(replies);
    client.socket.resume();
    await client.until((bytes) => bytes.length >= replies * 1_000_000);
    await client.until(() => client.packets().length >= 1 + replies * 5);
    expect(session.queries).toBe(replies);
    client.end();
  });
});

describe('authentication', () => {
  it('switches a caching_sha2_password client to mysql_native_password (AuthSwitchRequest seq 2, OK seq 4)', async () => {
    const c = new RawClient(h.port);
    const [[, greeting]] = (await c.waitPackets(1)) as [[number, Buffer]];
    const scramble = scrambleOf(greeting);
    c.send(frame(1, handshakeResponse(scramble, { plugin: 'caching_sha2_password', token: Buffer.alloc(32, 7) })));
    const [, [seq, sw]] = (await c.waitPackets(2)) as [unknown, [number, Buffer]];
    expect(seq).toBe(2);
    expect(sw).toEqual(Buffer.concat([Buffer.of(0xfe), Buffer.from('mysql_native_password\0'), scramble, Buffer.of(0)]));
    c.send(frame(3, nativePasswordToken(PASSWORD, scramble)));
    const packets = await c.waitPackets(3);
    expect(kinds(packets.slice(2))).toEqual(['4:OK']);
    c.end();
  });

  it('refuses a bad password with ERR 1045 at sequence 2 and closes', async () => {
    const c = new RawClient(h.port);
    const [[, greeting]] = (await c.waitPackets(1)) as [[number, Buffer]];
    c.send(frame(1, handshakeResponse(scrambleOf(greeting), { token: Buffer.alloc(20, 1) })));
    await c.until(() => c.closed);
    const [, [seq, err]] = c.packets() as [unknown, [number, Buffer]];
    expect(seq).toBe(2);
    expect(err.readUInt16LE(1)).toBe(1045);
    expect(err.subarray(4, 9).toString()).toBe('42000');
  });
});

describe('commands', () => {
  it('continues reply sequence ids after a command split over two packets', async () => {
    const { client } = await loggedIn(h.port);
    const payload = Buffer.concat([Buffer.of(0x03), Buffer.from('len '), Buffer.alloc(0xffffff, 0x7a)]);
    client.send(Buffer.concat([frame(0, payload.subarray(0, 0xffffff)), frame(1, payload.subarray(0xffffff))]));
    const packets = await client.waitPackets(2 + 5);
    expect(kinds(packets.slice(2))).toEqual(['2:DATA', '3:DATA', '4:EOF', '5:DATA', '6:EOF']);
    client.end();
  });

  it('answers an unknown command with ERR 1047 and stays usable; COM_STMT_CLOSE has no reply', async () => {
    const { client } = await loggedIn(h.port);
    client.send(frame(0, Buffer.of(0x1d, 0, 0, 0, 0)));
    client.send(frame(0, Buffer.of(0x19, 1, 0, 0, 0)));
    client.send(frame(0, Buffer.of(0x0e)));
    const packets = await client.waitPackets(4);
    expect(kinds(packets.slice(2))).toEqual(['1:ERR', '1:OK']);
    expect((packets[2] as [number, Buffer])[1].readUInt16LE(1)).toBe(1047);
    client.end();
  });

  it('serves COM_STATISTICS, COM_FIELD_LIST, COM_SET_OPTION and COM_INIT_DB', async () => {
    const { client } = await loggedIn(h.port);
    client.send(frame(0, Buffer.of(0x09)));
    client.send(frame(0, Buffer.concat([Buffer.of(0x04), Buffer.from('T\0')])));
    client.send(frame(0, Buffer.of(0x1b, 0, 0)));
    client.send(frame(0, Buffer.concat([Buffer.of(0x02), Buffer.from('nope')])));
    const packets = (await client.waitPackets(2 + 1 + 3 + 1 + 1)).slice(2);
    expect((packets[0] as [number, Buffer])[1].toString()).toMatch(/^Uptime: /);
    expect(kinds(packets.slice(1))).toEqual(['1:DATA', '2:DATA', '3:EOF', '1:EOF', '1:ERR']);
    const fieldDef = (packets[1] as [number, Buffer])[1];
    expect(fieldDef[fieldDef.length - 1]).toBe(0xfb);
    expect((packets[5] as [number, Buffer])[1].readUInt16LE(1)).toBe(1049);
    client.end();
  });

  it('kills another connection on COM_PROCESS_KILL', async () => {
    const a = await loggedIn(h.port);
    const b = await loggedIn(h.port);
    const id = Buffer.alloc(4);
    id.writeUInt32LE(b.connectionId);
    a.client.send(frame(0, Buffer.concat([Buffer.of(0x0c), id])));
    await b.client.until(() => b.client.closed);
    const packets = await a.client.waitPackets(3);
    expect(kinds(packets.slice(2))).toEqual(['1:OK']);
    a.client.end();
  });
});

describe('server options and failures', () => {
  it('never advertises SSL, COMPRESS or DEPRECATE_EOF, even when asked to', async () => {
    const x = await startHarness({ capabilities: 0xffffffff });
    const c = new RawClient(x.port);
    const [[, greeting]] = (await c.waitPackets(1)) as [[number, Buffer]];
    const at = greeting.indexOf(0, 1) + 14;
    const caps = greeting.readUInt16LE(at) | (greeting.readUInt16LE(at + 5) << 16);
    expect(caps & (0x0800 | 0x0020 | 0x0100_0000)).toBe(0);
    c.end();
    await x.close();
  });

  it('turns a value that does not fit its column into ERR, one incident and the end of that connection only', async () => {
    const x = await startHarness();
    const { client, connectionId } = await loggedIn(x.port);
    const other = await loggedIn(x.port);
    client.send(frame(0, Buffer.concat([Buffer.of(0x16), Buffer.from('bad value')])));
    const prepared = await client.waitPackets(2 + 3);
    const id = (prepared[2] as [number, Buffer])[1].readUInt32LE(1);
    const exec = Buffer.alloc(10);
    exec[0] = 0x17;
    exec.writeUInt32LE(id, 1);
    exec.writeUInt32LE(1, 6);
    client.send(frame(0, exec));
    await client.until(() => client.closed);
    const last = client.packets().at(-1) as [number, Buffer];
    expect(last[1][0]).toBe(0xff);
    expect(last[1].readUInt16LE(1)).toBe(4016);
    expect(x.logger.warnings().map((w) => [w.fields.conn, w.fields.reason])).toEqual([[connectionId, 'internal error']]);
    other.client.send(query('select 1'));
    expect(kinds((await other.client.waitPackets(2 + 5)).slice(2))).toEqual(['1:DATA', '2:DATA', '3:EOF', '4:DATA', '5:EOF']);
    other.client.end();
    await x.close();
  });
});

describe('prepared statements over raw bytes', () => {
  function prepare(client: RawClient, sql: string): void {
    client.send(frame(0, Buffer.concat([Buffer.of(0x16), Buffer.from(sql)])));
  }

  it('describes parameters and columns, decodes every binary parameter type, reuses bound types and takes long data', async () => {
    const { client } = await loggedIn(h.port);
    const n = 13;
    prepare(client, `echo ${Array(n).fill('?').join(', ')}`);
    const packets = await client.waitPackets(2 + 1 + n + 1 + n + 1);
    const ok = (packets[2] as [number, Buffer])[1];
    expect(ok[0]).toBe(0);
    const stmtId = ok.readUInt32LE(1);
    expect([ok.readUInt16LE(5), ok.readUInt16LE(7)]).toEqual([n, n]);
    expect(kinds(packets.slice(2))).toEqual(['1:OK', ...Array.from({ length: n }, (_, i) => `${i + 2}:DATA`), `${n + 2}:EOF`, ...Array.from({ length: n }, (_, i) => `${i + n + 3}:DATA`), `${2 * n + 3}:EOF`]);

    const types = Buffer.from([
      [0x01, 0x00], [0x01, 0x80], [0x02, 0x00], [0x03, 0x80], [0x08, 0x00], [0x08, 0x80], [0x04, 0x00],
      [0xf6, 0x00], [0x0a, 0x00], [0x0c, 0x00], [0x0b, 0x00], [0xfe, 0x00], [0x05, 0x00],
    ].flat());
    const f32 = Buffer.alloc(4);
    f32.writeFloatLE(1.5);
    const i64 = Buffer.alloc(8);
    i64.writeBigInt64LE(-3n);
    const values = Buffer.concat([
      Buffer.of(0xff), // TINY -1
      Buffer.of(0xff), // TINY unsigned 255
      Buffer.of(0xfe, 0xff), // SHORT -2
      Buffer.of(0xff, 0xff, 0xff, 0xff), // LONG unsigned 4294967295
      i64, // LONGLONG -3
      Buffer.alloc(8, 0xff), // LONGLONG unsigned 2^64-1
      f32, // FLOAT 1.5
      Buffer.from('\x05-0.50'), // NEWDECIMAL
      Buffer.of(4, 0xe8, 0x07, 1, 2), // DATE 2024-01-02
      Buffer.of(11, 0xe8, 0x07, 1, 2, 3, 4, 5, 6, 0, 0, 0), // DATETIME 2024-01-02 03:04:05.000006
      Buffer.of(8, 1, 1, 0, 0, 0, 2, 3, 4), // TIME -(1 day 02:03:04)
      Buffer.from('\x03abc'), // STRING
    ]); // the 13th (DOUBLE) is NULL in the bitmap
    const head = Buffer.alloc(10);
    head[0] = 0x17;
    head.writeUInt32LE(stmtId, 1);
    head.writeUInt32LE(1, 6);
    client.send(frame(0, Buffer.concat([head, Buffer.of(0x00, 0x10), Buffer.of(1), types, values])));
    await client.waitPackets(packets.length + 1 + n + 1 + 1 + 1);
    expect(h.host.executed.at(-1)).toEqual([
      -1n, 255n, -2n, 4294967295n, -3n, 18446744073709551615n, 1.5, new Decimal(-50n, 2),
      '2024-01-02', '2024-01-02 03:04:05.000006', '-26:03:04', 'abc', null,
    ]);

    // Long data for parameter 11, then an execution that does not rebind types (new-params-bound = 0).
    const longData = Buffer.alloc(7);
    longData[0] = 0x18;
    longData.writeUInt32LE(stmtId, 1);
    longData.writeUInt16LE(11, 5);
    client.send(frame(0, Buffer.concat([longData, Buffer.from('long ')])));
    client.send(frame(0, Buffer.concat([longData, Buffer.from('data')])));
    const valuesWithout11 = values.subarray(0, values.length - 4);
    client.send(frame(0, Buffer.concat([head, Buffer.of(0x00, 0x10), Buffer.of(0), valuesWithout11])));
    const before = client.packets().length;
    await client.waitPackets(before + 1 + n + 1 + 1 + 1);
    expect(h.host.executed.at(-1)?.[11]).toBe('long data');
    expect(h.host.executed.at(-1)?.[0]).toBe(-1n);
    client.end();
  });

  it('answers an unknown statement id with ERR 1243 and keeps the connection', async () => {
    const { client } = await loggedIn(h.port);
    client.send(frame(0, Buffer.of(0x17, 0xe7, 0x03, 0, 0, 0, 1, 0, 0, 0)));
    client.send(frame(0, Buffer.of(0x1a, 0xe7, 0x03, 0, 0)));
    client.send(frame(0, Buffer.of(0x0e)));
    const packets = await client.waitPackets(5);
    expect(kinds(packets.slice(2))).toEqual(['1:ERR', '1:ERR', '1:OK']);
    const err = (packets[2] as [number, Buffer])[1];
    expect(err.subarray(9).toString()).toBe('Unknown prepared statement handler (999) given to mysqld_stmt_execute');
    client.end();
  });
});
