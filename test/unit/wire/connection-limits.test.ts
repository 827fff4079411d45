/**
 * The connection limits over real sockets (issue 18): a client that never logs in is closed after connect_timeout,
 * one that trickles a packet after net_read_timeout counted from the packet's first byte, one that stops reading a
 * reply after net_write_timeout, an idle one after wait_timeout; the cap refuses one more connection with MySQL's
 * 1040 in place of the greeting and accepts again once one closes; max_allowed_packet is refused from a packet's
 * header, before any of its payload arrives. The limits are set low (hundreds of ms) so the file runs in seconds;
 * the assertions are on what happened and never earlier than the limit, not on how fast.
 */
import mysql from 'mysql2/promise';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD } from './session-host-double.js';
import { RawClient, frame, handshakeResponse, loggedIn, scrambleOf, startHarness, type Harness } from './server-harness.js';

const LIMIT_MS = 400;
const QUERY = 0x03;
const PING = 0x0e;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function reasons(harness: Harness): string[] {
  return harness.logger.warnings().map((l) => String(l.fields['reason']));
}

async function closedAfter(client: RawClient): Promise<number> {
  const started = performance.now();
  await client.until(() => false, 20_000).catch(() => undefined);
  expect(client.closed).toBe(true);
  return performance.now() - started;
}

describe('connect_timeout', () => {
  it('closes a connection that never sends its handshake response, without an ERR, and logs one incident', async () => {
    h = await startHarness({ timeouts: { connectMs: LIMIT_MS } });
    const c = new RawClient(h.port);
    await c.waitPackets(1);
    const elapsed = await closedAfter(c);
    expect(elapsed).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(c.packets()).toHaveLength(1); // the greeting only
    expect(reasons(h)).toEqual(['login timeout']);
  });

  it('closes a connection that trickles its handshake response past the limit', async () => {
    h = await startHarness({ timeouts: { connectMs: LIMIT_MS } });
    const c = new RawClient(h.port);
    const [[, greeting]] = (await c.waitPackets(1)) as [[number, Buffer]];
    const response = frame(1, handshakeResponse(scrambleOf(greeting)));
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < response.length - 1 && !c.closed) c.send(response.subarray(sent, ++sent));
    }, 20);
    try {
      await closedAfter(c);
    } finally {
      clearInterval(trickle);
    }
    expect(c.packets()).toHaveLength(1);
    expect(reasons(h)).toEqual(['login timeout']);
  });

  it('keeps a connection that logged in within the limit', async () => {
    h = await startHarness({ timeouts: { connectMs: LIMIT_MS } });
    const { client } = await loggedIn(h.port);
    await wait(LIMIT_MS * 2);
    client.send(frame(0, Buffer.of(PING)));
    const packets = await client.waitPackets(3);
    expect(packets[2]?.[1][0]).toBe(0x00);
    expect(client.closed).toBe(false);
    client.end();
  });
});

describe('net_read_timeout', () => {
  it('closes a connection trickling a packet a byte at a time, counted from its first byte', async () => {
    h = await startHarness({ timeouts: { readMs: LIMIT_MS } });
    const { client } = await loggedIn(h.port);
    const packet = frame(0, Buffer.concat([Buffer.of(QUERY), Buffer.from(`len ${'q'.repeat(1000)}`)]));
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < packet.length - 1 && !client.closed) client.send(packet.subarray(sent, ++sent));
    }, 20);
    let elapsed: number;
    try {
      elapsed = await closedAfter(client);
    } finally {
      clearInterval(trickle);
    }
    expect(elapsed).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(sent).toBeLessThan(packet.length - 1);
    expect(client.packets()).toHaveLength(2); // greeting and login OK: no reply to the half packet
    expect(reasons(h)).toEqual(['read timeout']);
  });

  it('gives each of many back-to-back packets its own deadline', async () => {
    h = await startHarness({ timeouts: { readMs: LIMIT_MS } });
    const { client } = await loggedIn(h.port);
    // Ten queries, each split in two halves sent 100 ms apart: 1 s in all, over twice the limit, each packet well within.
    for (let i = 0; i < 10; i++) {
      const packet = frame(0, Buffer.concat([Buffer.of(QUERY), Buffer.from('select 1')]));
      client.send(packet.subarray(0, 5));
      await wait(LIMIT_MS / 4);
      client.send(packet.subarray(5));
      await client.waitPackets(2 + 5 * (i + 1));
    }
    expect(client.closed).toBe(false);
    expect(reasons(h)).toEqual([]);
    client.end();
  });
});

describe('wait_timeout and net_write_timeout', () => {
  it('closes an idle connection after wait_timeout, and not one that keeps talking', async () => {
    h = await startHarness({ timeouts: { idleMs: LIMIT_MS } });
    const idle = await loggedIn(h.port);
    const busy = await loggedIn(h.port);
    for (let i = 1; i <= 6; i++) {
      await wait(LIMIT_MS / 4);
      busy.client.send(frame(0, Buffer.of(PING)));
      await busy.client.waitPackets(2 + i);
    }
    await idle.client.until(() => false, 5000).catch(() => undefined);
    expect(idle.client.closed).toBe(true);
    expect(busy.client.closed).toBe(false);
    expect(h.logger.lines.filter((l) => l.event === 'wire.idle-timeout')).toHaveLength(1);
    expect(reasons(h)).toEqual([]);
    busy.client.end();
  });

  it('closes a connection that stops reading a large reply after net_write_timeout', async () => {
    h = await startHarness({ timeouts: { writeMs: LIMIT_MS } });
    const { client } = await loggedIn(h.port);
    client.socket.pause();
    client.send(frame(0, Buffer.concat([Buffer.of(QUERY), Buffer.from(`big ${32 * 1024 * 1024}`)])));
    await expect.poll(() => h?.server.connectionCount, { timeout: 20_000, interval: 50 }).toBe(0);
    expect(reasons(h)).toEqual(['write timeout']);
    client.socket.destroy();
  });
});

describe('--max-connections', () => {
  it('refuses one more connection with 1040 in place of the greeting and accepts again after one closes', async () => {
    h = await startHarness({ maxConnections: 2 });
    const a = await loggedIn(h.port);
    const b = await loggedIn(h.port);
    const refused = new RawClient(h.port);
    await closedAfter(refused);
    const packets = refused.packets();
    expect(packets).toHaveLength(1);
    const [seq, payload] = packets[0] as [number, Buffer];
    expect(seq).toBe(0);
    expect(payload[0]).toBe(0xff);
    expect(payload.readUInt16LE(1)).toBe(1040);
    expect(payload.subarray(3).toString()).toBe('Too many connections'); // no SQL state before the handshake, as mysqld
    expect(reasons(h)).toEqual(['too many connections']);

    // A real client reports it as MySQL's error.
    const refusedClient = mysql.createConnection({ host: '127.0.0.1', port: h.port, user: 'root@sys', password: PASSWORD });
    await expect(refusedClient).rejects.toMatchObject({ errno: 1040, message: 'Too many connections' });

    a.client.end();
    await expect.poll(() => h?.server.connectionCount, { timeout: 5000, interval: 20 }).toBe(1);
    const again = await mysql.createConnection({ host: '127.0.0.1', port: h.port, user: 'root@sys', password: PASSWORD });
    const [rows] = await again.query({ sql: 'select 1', rowsAsArray: true });
    expect(rows).toEqual([[1]]);
    await again.end();
    b.client.end();
  });
});

describe('max_allowed_packet', () => {
  it.each([
    ['a 2 MB packet', 2 * 1024 * 1024],
    ['the first 16 MB fragment of a larger packet', 0xffffff],
  ])('refuses %s from its 4-byte header, before any payload', async (_name, length) => {
    h = await startHarness({ maxPacketBytes: 1024 * 1024 });
    const { client } = await loggedIn(h.port);
    const header = Buffer.alloc(4);
    header.writeUIntLE(length, 0, 3);
    client.send(header);
    const packets = await client.waitPackets(3);
    const [, err] = packets[2] as [number, Buffer];
    expect(err[0]).toBe(0xff);
    expect(err.readUInt16LE(1)).toBe(1153);
    await closedAfter(client);
    expect(reasons(h)).toEqual(['packet too large']);
  });
});
