/**
 * Golden bytes of the packets clients parse: greeting, auth OK, ERR, EOF, column definitions, text and binary
 * rows. Expected bytes are written out by hand from the protocol (spec/wire.md §3, MySQL's Protocol::* layouts),
 * field by field, never captured from this implementation.
 */
import { describe, expect, it } from 'vitest';
import { obError } from '../../../src/errors.js';
import { Decimal, Temporal, type ColumnDef } from '../../../src/result.js';
import { toWireColumn, wireColumns } from '../../../src/wire/column-definition.js';
import { writeEof, writeErr, writeOk } from '../../../src/wire/generic-packets.js';
import { writeHandshake } from '../../../src/wire/handshake.js';
import { PacketWriter } from '../../../src/wire/packet-writer.js';
import { Capability, OCEANBASE_CAPABILITIES } from '../../../src/wire/protocol.js';
import { writeBinaryRow, writeTextRow } from '../../../src/wire/rows.js';

/** Hex with spaces and comments allowed, for readable literals. */
function hex(text: string): Buffer {
  return Buffer.from(text.replace(/#[^\n]*/g, '').replace(/\s+/g, ''), 'hex');
}

/** The hex of an ASCII text, to keep long names readable in literals. */
function ascii(text: string): string {
  return [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');
}

function capture(build: (w: PacketWriter) => void): Buffer {
  const chunks: Buffer[] = [];
  const w = new PacketWriter((c) => chunks.push(Buffer.from(c)));
  build(w);
  w.flush();
  return Buffer.concat(chunks);
}

const SCRAMBLE = Buffer.from('ABCDEFGHIJKLMNOPQRST', 'ascii');
const SHANGHAI = (): number => 8 * 3600;

describe('HandshakeV10 in the OceanBase profile', () => {
  it('is byte-exact', () => {
    const bytes = capture((w) =>
      writeHandshake(w, { serverVersion: '5.7.25', connectionId: 3221225473, scramble: SCRAMBLE, capabilities: OCEANBASE_CAPABILITIES }),
    );
    expect(bytes.toString('hex')).toBe(
      hex(`
        4a 00 00 00                      # payload length 74, sequence 0
        0a                               # protocol version 10
        35 2e 37 2e 32 35 00             # "5.7.25" NUL
        01 00 00 c0                      # connection id 0xC0000001
        41 42 43 44 45 46 47 48          # scramble part 1 "ABCDEFGH"
        00                               # filler
        df f7                            # capabilities, lower word 0xF7DF
        2e                               # charset 46 utf8mb4_bin
        00 00                            # status 0: no AUTOCOMMIT in the greeting
        9c 30                            # capabilities, upper word 0x309C
        15                               # auth plugin data length 21
        00 00 00 00 00 00 00 00 00 00    # reserved
        49 4a 4b 4c 4d 4e 4f 50 51 52 53 54 00   # scramble part 2 "IJKLMNOPQRST" NUL
        ${ascii('mysql_native_password')} 00
      `).toString('hex'),
    );
  });

  it('advertises neither SSL, COMPRESS, MULTI_STATEMENTS, MULTI_RESULTS nor DEPRECATE_EOF', () => {
    for (const bit of [0x20, Capability.SSL, Capability.MULTI_STATEMENTS, Capability.MULTI_RESULTS, Capability.DEPRECATE_EOF]) {
      expect(OCEANBASE_CAPABILITIES & bit).toBe(0);
    }
  });
});

describe('OK after authentication', () => {
  it('carries AUTOCOMMIT and nothing else for a client without session tracking', () => {
    const bytes = capture((w) => {
      w.seq = 2;
      writeOk(w, { status: 0x0002 }, Capability.PROTOCOL_41);
    });
    expect(bytes).toEqual(hex('07 00 00 02  00  00  00  02 00  00 00'));
  });

  it('adds only an empty length-encoded info for a session-tracking client, like OceanBase (no state block)', () => {
    const bytes = capture((w) => {
      w.seq = 2;
      writeOk(w, { status: 0x0002 }, Capability.PROTOCOL_41 | Capability.SESSION_TRACK);
    });
    expect(bytes).toEqual(hex('08 00 00 02  00  00  00  02 00  00 00  00'));
  });

  it('never sends status bit 0x0004 and encodes large counters length-encoded', () => {
    const bytes = capture((w) => {
      w.seq = 1;
      writeOk(w, { status: 0x0006, affectedRows: 300, lastInsertId: 70000n, warnings: 1 }, Capability.PROTOCOL_41);
    });
    expect(bytes).toEqual(hex('0c 00 00 01  00  fc 2c 01  fd 70 11 01  02 00  01 00'));
  });
});

describe('ERR', () => {
  it('carries the errno, the real SQLSTATE and the message', () => {
    const bytes = capture((w) => {
      w.seq = 1;
      writeErr(w, obError('OB_ERR_UNKNOWN_COM'));
    });
    expect(bytes).toEqual(hex(`18 00 00 01  ff  17 04  23  ${ascii('08S01')}  ${ascii('Unknown command')}`));
  });

  it('keeps OceanBase errnos and states (1045 / 42000)', () => {
    const bytes = capture((w) => {
      w.seq = 2;
      writeErr(w, { errno: 1045, sqlState: '42000', message: 'Access denied' });
    });
    expect(bytes).toEqual(hex(`16 00 00 02  ff  15 04  23  ${ascii('42000')}  ${ascii('Access denied')}`));
  });
});

describe('classic EOF', () => {
  it('is 0xFE, warnings, status', () => {
    expect(capture((w) => writeEof(w, 0x0002))).toEqual(hex('05 00 00 00  fe  00 00  02 00'));
    expect(capture((w) => writeEof(w, 0x000a, 3))).toEqual(hex('05 00 00 00  fe  03 00  0a 00'));
  });
});

const tenantId: ColumnDef = {
  name: 'TENANT_ID',
  type: { base: 'bigint', width: 20, unsigned: false },
  nullable: false,
  schema: 'oceanbase',
  table: 'DBA_OB_TENANTS',
  orgTable: 'DBA_OB_TENANTS',
  orgName: 'TENANT_ID',
};

describe('column definitions', () => {
  it('bigint NOT NULL: LONGLONG, charset 63, length 20, NOT_NULL|BINARY|NUM', () => {
    expect(toWireColumn(tenantId).payload).toEqual(
      hex(`
        03 ${ascii('def')}
        09 ${ascii('oceanbase')}
        0e ${ascii('DBA_OB_TENANTS')}
        0e ${ascii('DBA_OB_TENANTS')}
        09 ${ascii('TENANT_ID')}
        09 ${ascii('TENANT_ID')}
        0c            # length of the fixed fields
        3f 00         # charset 63 binary
        14 00 00 00   # column length 20
        08            # MYSQL_TYPE_LONGLONG
        81 80         # NOT_NULL 0x0001 | BINARY 0x0080 | NUM 0x8000
        00            # decimals
        00 00         # filler
      `),
    );
  });

  it('varchar(64) nullable: VAR_STRING, charset 46, length 256, no flags', () => {
    const payload = toWireColumn({ name: 'STATUS', type: { base: 'varchar', length: 64 }, nullable: true }).payload;
    expect(payload).toEqual(hex(`03 ${ascii('def')} 00 00 00 06 ${ascii('STATUS')} 00  0c 2e 00 00 01 00 00 fd 00 00 00 00 00`));
  });

  it('maps every SqlType to its type code, charset, length, flags and decimals', () => {
    const fixed = (def: ColumnDef): string => {
      const p = toWireColumn(def).payload;
      return p.subarray(p.length - 12).toString('hex');
    };
    // charset(2) length(4) type(1) flags(2) decimals(1) filler(2)
    expect(fixed({ name: 'a', type: { base: 'bigint', width: 20, unsigned: true }, nullable: true })).toBe('3f001400000008a080000000');
    expect(fixed({ name: 'a', type: { base: 'int', width: 11, unsigned: false }, nullable: true })).toBe('3f000b000000038080000000');
    expect(fixed({ name: 'a', type: { base: 'tinyint', width: 4, unsigned: false }, nullable: true })).toBe('3f0004000000018080000000');
    expect(fixed({ name: 'a', type: { base: 'decimal', precision: 32, scale: 4 }, nullable: true })).toBe('3f0022000000f68080040000');
    expect(fixed({ name: 'a', type: { base: 'double' }, nullable: true })).toBe('3f00160000000580801f0000');
    expect(fixed({ name: 'a', type: { base: 'longtext' }, nullable: true })).toBe('2e00fffffffffc1000000000');
    expect(fixed({ name: 'a', type: { base: 'timestamp', fsp: 6 }, nullable: true })).toBe('3f001a000000078000060000');
    expect(fixed({ name: 'a', type: { base: 'datetime', fsp: 0 }, nullable: false })).toBe('3f00130000000c8100000000');
    expect(fixed({ name: 'a', type: { base: 'date' }, nullable: true })).toBe('3f000a0000000a8000000000');
    expect(fixed({ name: 'a', type: { base: 'char', length: 2 }, nullable: true })).toBe('2e0008000000fe0000000000');
  });
});

const rowColumns: readonly ColumnDef[] = [
  tenantId,
  { name: 'STATUS', type: { base: 'varchar', length: 64 }, nullable: true },
  { name: 'COMMENT', type: { base: 'varchar', length: 64 }, nullable: true },
  { name: 'RATIO', type: { base: 'decimal', precision: 10, scale: 2 }, nullable: true },
  { name: 'START_TIMESTAMP', type: { base: 'timestamp', fsp: 6 }, nullable: true },
];
// 2024-01-02 03:04:05.123456 UTC, shown at +08:00.
const instant = BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1000n + 123456n;
const row = [1002n, 'NORMAL', null, new Decimal(12345n, 2), new Temporal('TIMESTAMP', instant)];

describe('rows', () => {
  it('text row: length-encoded strings, NULL as 0xFB, time in the session zone with the column fsp', () => {
    const bytes = capture((w) => {
      w.seq = 7;
      writeTextRow(w, wireColumns(rowColumns), row, SHANGHAI);
    });
    expect(bytes).toEqual(
      hex(`
        2f 00 00 07
        04 ${ascii('1002')}
        06 ${ascii('NORMAL')}
        fb
        06 ${ascii('123.45')}
        1a ${ascii('2024-01-02 11:04:05.123456')}
      `),
    );
  });

  it('binary row: header, NULL bitmap with offset 2, LONGLONG 8 bytes, strings and DECIMAL length-encoded, TIMESTAMP binary', () => {
    const bytes = capture((w) => {
      w.seq = 7;
      writeBinaryRow(w, wireColumns(rowColumns), row, SHANGHAI);
    });
    expect(bytes).toEqual(
      hex(`
        24 00 00 07
        00                         # row header
        10                         # NULL bitmap: column 2 -> bit 2+2
        ea 03 00 00 00 00 00 00    # 1002
        06 ${ascii('NORMAL')}
        06 ${ascii('123.45')}
        0b e8 07 01 02 0b 04 05 40 e2 01 00   # 11 bytes: 2024-01-02 11:04:05.123456
      `),
    );
  });

  it('binary dates use the shortest exact length: 4 for midnight, 7 without microseconds', () => {
    const cols = wireColumns([
      { name: 'd', type: { base: 'datetime', fsp: 0 }, nullable: true },
      { name: 'e', type: { base: 'datetime', fsp: 0 }, nullable: true },
      { name: 'f', type: { base: 'date' }, nullable: true },
    ]);
    const midnight = BigInt(Date.UTC(2024, 0, 2, 16, 0, 0)) * 1000n; // 2024-01-03 00:00 at +08:00
    const day = BigInt(Date.UTC(2024, 0, 2)) * 1000n;
    const bytes = capture((w) =>
      writeBinaryRow(w, cols, [new Temporal('DATETIME', midnight), new Temporal('DATETIME', midnight + 1_000_000n), new Temporal('DATE', day)], SHANGHAI),
    );
    expect(bytes).toEqual(hex('14 00 00 00  00 00  04 e8 07 01 03  07 e8 07 01 03 00 00 01  04 e8 07 01 02'));
  });
});
