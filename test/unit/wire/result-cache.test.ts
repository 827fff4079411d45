/**
 * Kept replies (result-cache.ts): a frozen row list's whole result set is encoded once per column list, protocol,
 * time zone, server status, warning count and first sequence id, and what is sent from the kept bytes is what
 * encoding it afresh gives; row lists that are not frozen, and long replies, are encoded every time. Also the two
 * PacketWriter pieces it stands on: copySince and framed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../../src/errors.js';
import { Temporal, type ColumnDef, type ResultSet, type SqlValue } from '../../../src/result.js';
import { PacketWriter } from '../../../src/wire/packet-writer.js';
import { writeStatementResult } from '../../../src/wire/results.js';
import type { WireSession } from '../../../src/wire/session-port.js';

type Rows = readonly (readonly SqlValue[])[];

const COLUMNS: readonly ColumnDef[] = [
  { name: '1', type: { base: 'bigint', width: 1, unsigned: false }, nullable: false },
  { name: 'NOW', type: { base: 'timestamp', fsp: 6 }, nullable: true },
];
const OTHER_COLUMNS: readonly ColumnDef[] = [COLUMNS[0]!, { ...COLUMNS[1]!, name: 'THEN' }];

const ZONES: Record<string, number> = { '+08:00': 8 * 3600, '+00:00': 0, '-05:30': -(5 * 3600 + 1800) };

interface Call {
  readonly columns: readonly ColumnDef[];
  readonly zone: string;
  readonly binary: boolean;
  readonly status: number;
  readonly warnings: number;
  readonly seq: number;
}

/** The bytes of one result-set reply as results.ts writes it for a session in `call`'s zone and status. */
function reply(rows: Rows, call: Call): Buffer {
  const session = {
    timeZone: () => call.zone,
    serverStatus: () => call.status,
    utcOffsetSeconds: () => ZONES[call.zone] as number,
  } satisfies Pick<WireSession, 'timeZone' | 'serverStatus' | 'utcOffsetSeconds'>;
  const chunks: Buffer[] = [];
  const out = new PacketWriter((c) => chunks.push(Buffer.from(c)));
  out.seq = call.seq;
  const resultSet: ResultSet = { columns: call.columns, rows };
  writeStatementResult({ out, session: session as unknown as WireSession, capabilities: 0 }, { kind: 'rows', resultSet, warnings: call.warnings }, false, call.binary);
  out.begin().u8(0xaa).end(); // shows the sequence id the reply left behind
  out.flush();
  return Buffer.concat(chunks);
}

/** The reply encoded afresh: rows that are not frozen are never kept, nor is their encoding looked up. */
const fresh = (rows: Rows, call: Call): Buffer => reply(rows.map((r) => [...r]), call);

/** A frozen row list that counts reads of its rows: a kept reply is sent without reading any. */
function counted(rows: Rows): { rows: Rows; reads: () => number } {
  let reads = 0;
  const list = new Proxy(Object.freeze(rows.map((r) => Object.freeze([...r]))), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { rows: list, reads: () => reads };
}

const BASE: Call = { columns: COLUMNS, zone: '+08:00', binary: false, status: 0x0002, warnings: 0, seq: 1 };
const ROWS: Rows = [[1n, new Temporal('TIMESTAMP', 1714564800123456n)]];

describe('kept replies', () => {
  it('a frozen row list is encoded once, then sent from its kept bytes', () => {
    const { rows, reads } = counted(ROWS);
    const first = reply(rows, BASE);
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(reply(rows, BASE)).toEqual(first);
    expect(reads()).toBe(afterFirst);
    expect(first).toEqual(fresh(ROWS, BASE));
  });

  it.each<[string, Partial<Call>]>([
    ['time zone', { zone: '-05:30' }],
    ['protocol', { binary: true }],
    ['server status', { status: 0x0003 }],
    ['warning count', { warnings: 2 }],
    ['first sequence id', { seq: 3 }],
    ['column list', { columns: OTHER_COLUMNS }],
  ])('another %s encodes again, and answers what a fresh encoding gives', (_, change) => {
    const { rows, reads } = counted(ROWS);
    reply(rows, BASE);
    const seen = reads();
    const other = { ...BASE, ...change };
    expect(reply(rows, other)).toEqual(fresh(ROWS, other));
    expect(reads()).toBeGreaterThan(seen);
  });

  it('a row list that is not frozen is encoded every time', () => {
    let reads = 0;
    const rows = new Proxy(
      ROWS.map((r) => [...r]),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    reply(rows, BASE);
    const once = reads;
    reply(rows, BASE);
    expect(reads).toBe(2 * once);
  });

  it('a frozen list whose rows are not frozen is encoded every time, and a changed row is answered as it is now', () => {
    const row: SqlValue[] = [1n, null];
    const rows = Object.freeze([row]);
    expect(reply(rows, BASE)).toEqual(fresh(rows, BASE));
    row[0] = 2n;
    expect(reply(rows, BASE)).toEqual(fresh([[2n, null]], BASE));
  });

  it('a long reply is not kept: its rows are read again on every run', () => {
    const { rows, reads } = counted(Array.from({ length: 1000 }, (_, i) => [BigInt(i), null]));
    const first = reply(rows, BASE);
    expect(first.length).toBeGreaterThan(4096);
    const once = reads();
    expect(reply(rows, BASE)).toEqual(first);
    expect(reads()).toBe(2 * once);
  });

  it('whatever the sequence of calls, each reply is what a fresh encoding gives (property)', () => {
    const call = fc.record({
      columns: fc.constantFrom(COLUMNS, OTHER_COLUMNS),
      zone: fc.constantFrom(...Object.keys(ZONES)),
      binary: fc.boolean(),
      status: fc.constantFrom(0x0002, 0x0003, 0x0022),
      warnings: fc.nat({ max: 2 }),
      seq: fc.integer({ min: 1, max: 255 }),
    });
    const row = fc.tuple(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.option(fc.bigInt({ min: 0n, max: 4_102_444_800_000_000n }).map((us) => new Temporal('TIMESTAMP', us)), { nil: null }),
    );
    const empty: Rows = Object.freeze([]);
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), call), { minLength: 1, maxLength: 12 }), (lists, calls) => {
        // The shared empty list stands for a frozen list answered under several column lists.
        const frozen: Rows[] = [empty, ...lists.map((l) => Object.freeze(l.map((r) => Object.freeze([...r]))))];
        for (const [i, c] of calls) {
          const rows = frozen[i % frozen.length] as Rows;
          expect(reply(rows, c)).toEqual(fresh(rows, c));
        }
      }),
    );
  });
});

describe('PacketWriter.copySince and framed', () => {
  function writer(): { out: PacketWriter; sent: () => Buffer } {
    const chunks: Buffer[] = [];
    return { out: new PacketWriter((c) => chunks.push(Buffer.from(c))), sent: () => Buffer.concat(chunks) };
  }

  it('copies whole packets written since a mark, and replays them with the sequence id that followed', () => {
    const { out, sent } = writer();
    out.begin().u8(1).end();
    const mark = out.written;
    out.begin().u8(2).end();
    out.begin().u8(3).end();
    const copy = out.copySince(mark, 100);
    expect(copy).toEqual(Buffer.from('0100000102' + '0100000203', 'hex'));
    out.flush();
    const replay = writer();
    replay.out.framed(copy!, out.seq);
    replay.out.begin().u8(4).end();
    replay.out.flush();
    expect(replay.sent()).toEqual(Buffer.from('0100000102' + '0100000203' + '0100000304', 'hex'));
    expect(sent().length).toBe(15);
  });

  it('gives nothing when part was flushed already or the copy would be too long', () => {
    const { out } = writer();
    const mark = out.written;
    out.begin().u8(1).end();
    expect(out.copySince(mark, 4)).toBeUndefined();
    out.flush();
    out.begin().u8(2).end();
    expect(out.copySince(mark, 100)).toBeUndefined();
    expect(out.written).toBe(10);
  });

  it('hands framed packets to the sink as they are when nothing is pending, and keeps the order when something is', () => {
    const handed: Buffer[] = [];
    const out = new PacketWriter((c) => handed.push(Buffer.from(c)));
    const kept = Buffer.from('0100000102', 'hex');
    const direct: Buffer[] = [];
    const identity = new PacketWriter((c) => direct.push(c));
    identity.framed(kept, 2);
    expect(direct[0]).toBe(kept);
    out.begin().u8(1).end();
    out.framed(kept, 2);
    out.begin().u8(3).end();
    out.flush();
    expect(Buffer.concat(handed)).toEqual(Buffer.from('0100000001' + '0100000102' + '0100000203', 'hex'));
    expect(out.written).toBe(15);
  });

  it('refuses framed packets inside an open packet', () => {
    const { out } = writer();
    out.begin().u8(1);
    expect(() => out.framed(Buffer.from('0100000001', 'hex'), 1)).toThrow(InvariantError);
  });
});
