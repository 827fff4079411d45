/**
 * LastStatementText: a run of the same COM_QUERY bytes is decoded once (the string the parse cache is keyed by is
 * handed out again), and any other bytes decode afresh to exactly what PacketReader.restText gives.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacketReader } from '../../../src/wire/packet-reader.js';
import { LastStatementText } from '../../../src/wire/statement-text.js';

/** A COM_QUERY payload: the command byte, then the statement. */
const payload = (sql: string | Buffer): Buffer => Buffer.concat([Buffer.of(0x03), typeof sql === 'string' ? Buffer.from(sql) : sql]);

function read(texts: LastStatementText, bytes: Buffer): { text: string; reader: PacketReader } {
  const reader = new PacketReader(bytes);
  reader.u8();
  return { text: texts.read(reader), reader };
}

/** Counts UTF-8 decodes: Buffer#toString is what restText decodes with. */
function countDecodes(): () => number {
  const spy = vi.spyOn(Buffer.prototype, 'toString');
  return () => spy.mock.calls.length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LastStatementText', () => {
  it('decodes the same bytes once, and reads the payload to its end', () => {
    const texts = new LastStatementText();
    const decodes = countDecodes();
    expect(read(texts, payload('SELECT 1')).text).toBe('SELECT 1');
    const again = read(texts, payload('SELECT 1'));
    expect(again.text).toBe('SELECT 1');
    expect(again.reader.remaining).toBe(0);
    expect(decodes()).toBe(1);
  });

  it('decodes other bytes of the same length afresh', () => {
    const texts = new LastStatementText();
    read(texts, payload('SELECT 1'));
    expect(read(texts, payload('SELECT 2')).text).toBe('SELECT 2');
    expect(read(texts, payload('SELECT 1')).text).toBe('SELECT 1');
  });

  it('compares statements over 64 bytes as well as short ones', () => {
    const texts = new LastStatementText();
    const job = `SELECT job_id, status FROM DBA_OB_BACKUP_JOB_HISTORY WHERE backup_type = 'FULL' order by job_id DESC LIMIT 1`;
    const decodes = countDecodes();
    expect(read(texts, payload(job)).text).toBe(job);
    expect(read(texts, payload(job)).text).toBe(job);
    expect(decodes()).toBe(1);
    const other = job.replace('FULL', 'INCR');
    expect(read(texts, payload(other)).text).toBe(other);
    expect(decodes()).toBe(2);
  });

  it('decodes a statement longer than it keeps every time, correctly', () => {
    const texts = new LastStatementText();
    const long = `SELECT '${'x'.repeat(5000)}'`;
    expect(read(texts, payload(long)).text).toBe(long);
    expect(read(texts, payload(long)).text).toBe(long);
    expect(read(texts, payload('SELECT 1')).text).toBe('SELECT 1');
  });

  it('whatever bytes arrive in whatever order, each text is what restText decodes (property)', () => {
    const statement = fc.oneof(fc.constantFrom('SELECT 1', 'SELECT 2', 'select 1', ''), fc.string({ maxLength: 100 }), fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b)));
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
