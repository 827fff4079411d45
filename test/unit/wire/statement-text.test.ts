/**
 * LastStatementText: a run of the same COM_QUERY bytes decodes to the very same string (what the parse cache is
 * keyed by), and any other bytes decode afresh to exactly what PacketReader.restText gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PacketReader } from '../../../src/wire/packet-reader.js';
import { LastStatementText } from '../../../src/wire/statement-text.js';

/** A COM_QUERY payload: the command byte, then the statement. */
const payload = (sql: string | Buffer): Buffer => Buffer.concat([Buffer.of(0x03), typeof sql === 'string' ? Buffer.from(sql) : sql]);

function read(texts: LastStatementText, bytes: Buffer): { text: string; reader: PacketReader } {
  const reader = new PacketReader(bytes);
  reader.u8();
  return { text: texts.read(reader), reader };
}

describe('LastStatementText', () => {
  it('gives the same string object for the same bytes, and reads the payload to its end', () => {
    const texts = new LastStatementText();
    const first = read(texts, payload('SELECT 1'));
    const again = read(texts, payload('SELECT 1'));
    expect(again.text).toBe('SELECT 1');
    expect(Object.is(again.text, first.text)).toBe(true);
    expect(again.reader.remaining).toBe(0);
  });

  it('decodes other bytes of the same length afresh', () => {
    const texts = new LastStatementText();
    read(texts, payload('SELECT 1'));
    expect(read(texts, payload('SELECT 2')).text).toBe('SELECT 2');
    expect(read(texts, payload('SELECT 1')).text).toBe('SELECT 1');
  });

  it('decodes a statement longer than it keeps every time, correctly', () => {
    const texts = new LastStatementText();
    const long = `SELECT '${'x'.repeat(5000)}'`;
    expect(read(texts, payload(long)).text).toBe(long);
    expect(read(texts, payload(long)).text).toBe(long);
    expect(read(texts, payload('SELECT 1')).text).toBe('SELECT 1');
  });

  it('whatever bytes arrive in whatever order, each text is what restText decodes (property)', () => {
    const statement = fc.oneof(fc.constantFrom('SELECT 1', 'SELECT 2', 'select 1', ''), fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b)));
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 30 }), (sent) => {
        const texts = new LastStatementText();
        for (const sql of sent) {
          const bytes = payload(sql);
          const plain = new PacketReader(bytes);
          plain.u8();
          expect(read(texts, bytes).text).toBe(plain.restText());
        }
      }),
    );
  });
});
