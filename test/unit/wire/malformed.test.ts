/**
 * Robustness: over a thousand hostile inputs (random bytes, truncated packets, wrong and huge lengths, mutated
 * handshakes, bad sequence ids, malformed and mistyped COM_STMT_EXECUTE, clients vanishing mid-result), each on its
 * own connection, while one well-behaved mysql2 connection keeps querying. The server must not crash, must answer
 * with ERR where the protocol allows, and must log exactly one warn line per incident.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TYPED_TEXT } from './session-host-double.js';
import { RawClient, connectionIdOf, frame, handshakeResponse, scrambleOf, startHarness, type Harness } from './server-harness.js';

const CASES = 1040;
const MID_RESULT_CASES = 20;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxPacketBytes: 1024 * 1024 });
});
afterAll(async () => {
  await h.close();
});

/** A seeded generator so every run sends the same inputs. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

type Expectation = 'incident' | 'at-most-one';

interface Case {
  readonly name: string;
  /** Whether the server should have answered with an ERR before closing. */
  readonly wantErr?: number;
  readonly run: (c: RawClient, greeting: Buffer, rand: (n: number) => number) => Promise<void>;
  readonly expect?: Expectation;
}

const bytes = (rand: (n: number) => number, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rand(256)));

async function login(c: RawClient, greeting: Buffer): Promise<void> {
  c.send(frame(1, handshakeResponse(scrambleOf(greeting))));
  await c.waitPackets(2);
}

const cases: Case[] = [
  {
    name: 'random bytes before login',
    run: async (c, _g, rand) => c.send(bytes(rand, 1 + rand(200))),
  },
  {
    name: 'random payload framed as a handshake response',
    run: async (c, _g, rand) => c.send(frame(1, bytes(rand, rand(120)))),
  },
  {
    name: 'truncated handshake response',
    run: async (c, g, rand) => {
      const full = frame(1, handshakeResponse(scrambleOf(g)));
      c.send(full.subarray(0, 1 + rand(full.length - 1)));
    },
  },
  {
    name: 'handshake response with a wrong length',
    run: async (c, g, rand) => {
      const payload = handshakeResponse(scrambleOf(g));
      const f = frame(1, payload);
      const delta = 1 + rand(20);
      f.writeUIntLE(rand(2) ? payload.length + delta : payload.length - delta, 0, 3);
      c.send(f);
    },
  },
  {
    name: 'huge length field',
    wantErr: 1153,
    run: async (c, _g, rand) => c.send(Buffer.concat([Buffer.of(0xff, 0xff, 0xff, 1), bytes(rand, rand(100))])),
  },
  {
    name: 'mutated password token',
    wantErr: 1045,
    run: async (c, g, rand) => {
      const payload = handshakeResponse(scrambleOf(g));
      const tokenAt = 32 + 'root@sys\0'.length + 1;
      payload[tokenAt + rand(20)] ^= 1 + rand(255);
      c.send(frame(1, payload));
    },
  },
  {
    name: 'pre-4.1 handshake response',
    wantErr: 1043,
    run: async (c, g) => {
      const payload = handshakeResponse(scrambleOf(g));
      payload[1] = (payload[1] as number) & ~0x02;
      c.send(frame(1, payload));
    },
  },
  {
    name: 'truncated command after login',
    run: async (c, g, rand) => {
      await login(c, g);
      const f = query(`select ${'x'.repeat(50 + rand(50))}`);
      c.send(f.subarray(0, 1 + rand(f.length - 2)));
    },
  },
  {
    name: 'command with a wrong sequence id',
    wantErr: 1156,
    run: async (c, g, rand) => {
      await login(c, g);
      const f = query('select 1');
      f[3] = 1 + rand(255);
      c.send(f);
    },
  },
  {
    name: 'huge command length after login',
    wantErr: 1153,
    run: async (c, g, rand) => {
      await login(c, g);
      c.send(Buffer.concat([Buffer.of(0xf0, 0xff, 0xff, 0), bytes(rand, rand(50))]));
    },
  },
  {
    name: 'truncated COM_STMT_EXECUTE payload',
    wantErr: 1835,
    run: async (c, g, rand) => {
      await login(c, g);
      c.send(frame(0, Buffer.concat([Buffer.of(0x17), bytes(rand, rand(4))])));
    },
  },
  {
    name: 'execute with a parameter type that does not exist',
    wantErr: 1210,
    run: async (c, g, rand) => {
      await login(c, g);
      c.send(frame(0, Buffer.from('\x16echo ?')));
      const before = (await c.waitPackets(2 + 5)).length;
      const head = Buffer.of(0x17, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0x00, 0x01);
      const badType = [0x11, 0x20, 0x80, 0xf4][rand(4)] as number;
      c.send(frame(0, Buffer.concat([head, Buffer.of(badType, 0), bytes(rand, 8)])));
      await c.waitPackets(before + 1);
    },
  },
];

function query(sql: string): Buffer {
  return frame(0, Buffer.concat([Buffer.of(0x03), Buffer.from(sql)]));
}

const midResult: Case = {
  name: 'client vanishes mid-result',
  expect: 'at-most-one',
  run: async (c, g) => {
    await login(c, g);
    c.send(query('rows 200000'));
    await c.until((b) => b.length > 200);
    c.socket.destroy();
  },
};

interface Outcome {
  readonly name: string;
  readonly connectionId: number;
  readonly errno: number | null;
  readonly expect: Expectation;
  readonly wantErr?: number;
}

async function runCase(k: Case, seed: number): Promise<Outcome> {
  const rand = rng(seed);
  const c = new RawClient(h.port);
  const [[, greeting]] = (await c.waitPackets(1)) as [[number, Buffer]];
  const already = c.packets().length;
  await k.run(c, greeting, rand);
  if (!c.socket.destroyed) c.end();
  await c.until(() => c.closed, 60_000);
  const err = c
    .packets()
    .slice(already)
    .find(([, p]) => p[0] === 0xff);
  return { name: k.name, connectionId: connectionIdOf(greeting), errno: err ? err[1].readUInt16LE(1) : null, expect: k.expect ?? 'incident', wantErr: k.wantErr };
}

describe('malformed input', () => {
  it(`survives ${CASES + MID_RESULT_CASES} hostile connections while a good one keeps working, with one log line per incident`, async () => {
    const good = await mysql.createConnection({ host: '127.0.0.1', port: h.port, user: 'root', password: PASSWORD, supportBigNumbers: true, bigNumberStrings: true, dateStrings: true });
    let stop = false;
    let goodQueries = 0;
    const goodLoop = (async () => {
      while (!stop) {
        const [rows] = await good.query({ sql: 'select typed', rowsAsArray: true });
        expect((rows as unknown[][]).map((r) => r.map((v) => (v === null ? null : String(v))))).toEqual(TYPED_TEXT);
        goodQueries++;
      }
    })();

    const plan: [Case, number][] = [];
    for (let i = 0; i < CASES; i++) plan.push([cases[i % cases.length] as Case, 1000 + i]);
    for (let i = 0; i < MID_RESULT_CASES; i++) plan.push([midResult, 5000 + i]);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < plan.length; i += 40) {
      outcomes.push(...(await Promise.all(plan.slice(i, i + 40).map(([k, seed]) => runCase(k, seed)))));
    }
    stop = true;
    await goodLoop;
    const [rows] = await good.query({ sql: 'select 1', rowsAsArray: true });
    expect(rows).toEqual([['1']]);
    await good.end();

    // Every hostile connection is gone on the server side.
    for (let i = 0; i < 100 && h.server.connectionCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(h.server.connectionCount).toBe(0);
    expect(goodQueries).toBeGreaterThan(0);

    const warns = h.logger.warnings();
    const perConnection = new Map<number, number>();
    for (const w of warns) perConnection.set(Number(w.fields.conn), (perConnection.get(Number(w.fields.conn)) ?? 0) + 1);
    const wrong = outcomes.filter((o) => {
      const n = perConnection.get(o.connectionId) ?? 0;
      return o.expect === 'incident' ? n !== 1 : n > 1;
    });
    expect(wrong.map((o) => `${o.name} #${o.connectionId}: ${perConnection.get(o.connectionId) ?? 0} lines`)).toEqual([]);
    const hostile = new Set(outcomes.map((o) => o.connectionId));
    expect(warns.filter((w) => !hostile.has(Number(w.fields.conn)))).toEqual([]);
    expect(warns.filter((w) => w.event !== 'wire.incident')).toEqual([]);

    const missingErr = outcomes.filter((o) => o.wantErr !== undefined && o.errno !== o.wantErr);
    expect(missingErr.map((o) => `${o.name}: got ${o.errno}, want ${o.wantErr}`)).toEqual([]);
  }, 120_000);
});
