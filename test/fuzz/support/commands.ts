/**
 * Fuzz inputs sent after login, many to one connection: random command bytes, COM_STMT_EXECUTE with statement ids
 * that do not exist and with parameters of wrong types, mutated and random SQL, utility commands with garbage
 * after their arguments, long data. Each input is one command packet; its reply shape follows its command byte.
 */
import fc from 'fast-check';
import { mutate, mutations, type Mutation } from './mutate.js';
import { command } from './wire-client.js';

/** Statements every fuzzed connection prepares first (ids 1, 2, 3), so executions have real targets. */
export const PREPARED = [
  { sql: 'SELECT ? + 1', params: 1 },
  { sql: 'SELECT JOB_ID, STATUS FROM DBA_OB_BACKUP_JOB_HISTORY WHERE JOB_ID = ? AND STATUS <> ?', params: 2 },
  { sql: 'SELECT ?, ?, ?, ?', params: 4 },
] as const;

/** SQL the emulator's users send: the seeds that mutations start from. Nothing that makes time or data huge. */
export const SQL_CORPUS = [
  'SELECT 1',
  'select @@version_comment limit 1',
  'SELECT * FROM DBA_OB_BACKUP_JOBS',
  'SELECT JOB_ID, STATUS FROM DBA_OB_BACKUP_JOB_HISTORY WHERE JOB_ID > 0 ORDER BY JOB_ID DESC LIMIT 3',
  'SELECT COALESCE(MAX(JOB_ID), 0) FROM DBA_OB_BACKUP_JOB_HISTORY',
  'SELECT count(*) FROM DBA_OB_ARCHIVELOG',
  'SELECT * FROM DBA_OB_BACKUP_SET_FILES WHERE STATUS = \'SUCCESS\'',
  'SELECT PIECE_ID, STATUS FROM DBA_OB_ARCHIVELOG_PIECE_FILES',
  'SHOW VARIABLES LIKE \'version%\'',
  'SHOW EMULATOR STATUS',
  'DESC DBA_OB_BACKUP_SET_FILES',
  'SET NAMES utf8mb4',
  'set autocommit=1, sql_mode = concat(@@sql_mode,\',STRICT_TRANS_TABLES\')',
  'SET @a = 41; SELECT @a + 1 AS answer',
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/fuzz/archive'",
  "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/fuzz/data'",
  'ALTER SYSTEM ARCHIVELOG',
  'ALTER SYSTEM NOARCHIVELOG',
  'ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG',
  'ALTER SYSTEM BACKUP INCREMENTAL DATABASE',
  'ALTER SYSTEM CANCEL BACKUP',
  "SET ENCRYPTION ON IDENTIFIED BY 'pw' ONLY; ALTER SYSTEM BACKUP DATABASE",
  'ALTER EMULATOR ADVANCE TIME 30 SECONDS',
  'ALTER EMULATOR WRITE 10 MACROBLOCKS',
] as const;

/** One command packet, printed as its label and bytes when a property fails. */
export class FuzzCommand {
  constructor(
    readonly label: string,
    readonly packet: Buffer,
  ) {}

  get code(): number {
    return this.packet[4] as number;
  }

  [fc.toStringMethod](): string {
    return `${this.label}<${this.packet.toString('hex')}>`;
  }
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** Any command byte with any body. KILL ids stay below the server's connection ids (0xC0000001…), so a fuzzed
 * connection never ends another; COM_QUIT is among the bytes and ends its own connection cleanly. */
const randomCommand = fc.record({ code: fc.integer({ min: 0, max: 255 }), body: fc.uint8Array({ maxLength: 80 }) }).map(({ code, body }) => {
  const b = Buffer.from(body);
  if (code === 0x0c && b.length >= 4) b[3] = (b[3] as number) & 0x7f;
  return new FuzzCommand(`command 0x${code.toString(16)}`, command(code, b));
});

const executeUnknown = fc
  .record({ id: fc.oneof(fc.constant(0), fc.integer({ min: 1000, max: 0xffff_ffff })), rest: fc.uint8Array({ maxLength: 40 }) })
  .map(({ id, rest }) => new FuzzCommand(`execute unknown statement ${id}`, command(0x17, Buffer.concat([u32(id), rest]))));

const VALID_TYPES = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff];

const lenencBytes = (b: Uint8Array): Buffer => {
  if (b.length < 251) return Buffer.concat([Buffer.of(b.length), b]);
  return Buffer.concat([Buffer.of(0xfc, b.length & 0xff, b.length >> 8), b]);
};

/** A value in the binary form its type code announces, with contents from anywhere in the type's range. */
function wellFormed(type: number): fc.Arbitrary<Uint8Array> {
  const fixed = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
  switch (type) {
    case 0x01:
      return fixed(1);
    case 0x02:
    case 0x0d:
      return fixed(2);
    case 0x03:
    case 0x09:
    case 0x04:
      return fixed(4);
    case 0x05:
    case 0x08:
      return fixed(8);
    case 0x06:
      return fc.constant(new Uint8Array(0));
    case 0x07:
    case 0x0a:
    case 0x0c:
    case 0x0e:
      return fc.constantFrom(0, 4, 7, 11).chain((n) => fixed(n).map((b) => Buffer.concat([Buffer.of(n), b])));
    case 0x0b:
      return fc.constantFrom(0, 8, 12).chain((n) => fixed(n).map((b) => Buffer.concat([Buffer.of(n), b])));
    case 0x00:
    case 0xf6:
      return fc.stringMatching(/^[-+]?\d{0,30}(\.\d{0,30})?(e\d+)?$/).map((s) => lenencBytes(Buffer.from(s)));
    default:
      return fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 40 }).map((s) => Buffer.from(s))).map(lenencBytes);
  }
}

/** COM_STMT_EXECUTE of a prepared statement with types chosen at random: right or wrong for the statement,
 * values well formed for the type or plain random bytes, sometimes garbage after the last value. */
const executeTyped = fc
  .record({
    stmt: fc.integer({ min: 0, max: PREPARED.length - 1 }),
    flags: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })),
    nulls: fc.integer({ min: 0, max: 255 }),
    bound: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }),
    types: fc.array(fc.record({ type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VALID_TYPES) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }), unsigned: fc.boolean() }), { minLength: 4, maxLength: 4 }),
    randomValues: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 60 }) }),
    trailing: fc.oneof({ weight: 4, arbitrary: fc.constant(new Uint8Array(0)) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 30 }) }),
  })
  .chain((r) => {
    const n = PREPARED[r.stmt]?.params ?? 1;
    const types = r.types.slice(0, n);
    const values = r.randomValues === null ? fc.tuple(...types.map((t) => wellFormed(t.type))).map((vs) => Buffer.concat(vs)) : fc.constant(Buffer.from(r.randomValues));
    return values.map((v) => {
      const head = Buffer.concat([u32(r.stmt + 1), Buffer.of(r.flags), u32(1), Buffer.of(r.nulls & ((1 << n) - 1)), Buffer.of(r.bound)]);
      const typeBytes = r.bound === 1 ? Buffer.from(types.flatMap((t) => [t.type, t.unsigned ? 0x80 : 0])) : Buffer.alloc(0);
      const label = `execute #${r.stmt + 1} types ${types.map((t) => t.type.toString(16)).join(',')}`;
      return new FuzzCommand(label, command(0x17, Buffer.concat([head, typeBytes, v, r.trailing])));
    });
  });

/** Text: a corpus statement mutated, a chain of them, random text, or a statement with garbage after it. */
const sqlText: fc.Arbitrary<Buffer> = fc.oneof(
  fc.record({ base: fc.constantFrom(...SQL_CORPUS), ops: mutations }).map(({ base, ops }) => mutate(Buffer.from(base), ops)),
  fc.array(fc.constantFrom(...SQL_CORPUS), { minLength: 2, maxLength: 4 }).map((list) => Buffer.from(list.join('; '))),
  fc.string({ unit: 'binary', maxLength: 120 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b)),
  fc.record({ base: fc.constantFrom(...SQL_CORPUS), garbage: fc.uint8Array({ minLength: 1, maxLength: 40 }) }).map(({ base, garbage }) => Buffer.concat([Buffer.from(base), garbage])),
);

const query = sqlText.map((sql) => new FuzzCommand('query', command(0x03, sql)));
const prepare = fc
  .oneof(sqlText, fc.constantFrom(...PREPARED.map((p) => Buffer.from(p.sql))))
  .map((sql) => new FuzzCommand('prepare', command(0x16, sql)));

/** Well-formed utility commands followed by garbage inside the same packet. */
const utilityWithGarbage = fc
  .record({
    base: fc.constantFrom<[string, Buffer]>(
      ['ping', Buffer.of(0x0e)],
      ['statistics', Buffer.of(0x09)],
      ['reset connection', Buffer.of(0x1f)],
      ['set option', Buffer.of(0x1b, 0x01, 0x00)],
      ['init db', Buffer.from('\x02oceanbase')],
      ['field list', Buffer.from('\x04DBA_OB_BACKUP_JOBS\x00')],
      ['stmt reset', Buffer.concat([Buffer.of(0x1a), u32(1)])],
      ['stmt close', Buffer.concat([Buffer.of(0x19), u32(2000)])],
      ['kill unknown', Buffer.concat([Buffer.of(0x0c), u32(12345)])],
    ),
    garbage: fc.uint8Array({ maxLength: 40 }),
  })
  .map(({ base: [label, bytes], garbage }) => new FuzzCommand(`${label} + ${garbage.length} bytes`, command(bytes[0] as number, Buffer.concat([bytes.subarray(1), garbage]))));

const longData = fc
  .record({ id: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 0xffff_ffff })), param: fc.integer({ min: 0, max: 6 }), data: fc.uint8Array({ maxLength: 200 }) })
  .map(({ id, param, data }) => new FuzzCommand(`long data #${id} param ${param}`, command(0x18, Buffer.concat([u32(id), Buffer.of(param & 0xff, param >> 8), data]))));

export const fuzzCommand: fc.Arbitrary<FuzzCommand> = fc.oneof(
  { weight: 6, arbitrary: query },
  { weight: 4, arbitrary: executeTyped },
  { weight: 2, arbitrary: executeUnknown },
  { weight: 3, arbitrary: randomCommand },
  { weight: 2, arbitrary: utilityWithGarbage },
  { weight: 2, arbitrary: prepare },
  { weight: 1, arbitrary: longData },
);

export type { Mutation };
