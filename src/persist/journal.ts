/**
 * The journal files of a data directory (`journal-<generation>.log`): a short header, then one frame per accepted
 * input, `[u32 length][u32 CRC-32 of the payload][payload]`, little-endian. The payload is a tag byte and the
 * record: `J` + its JSON (statements: a few µs to write), or `V` + v8.serialize (records holding a cluster state,
 * with bigints and typed arrays, which JSON cannot carry; V8's serializer costs tens of µs even for a small value). A crash can tear
 * only the end of the last file (records are appended, never rewritten): a frame cut short, or a last frame whose
 * checksum fails, is a torn tail and is dropped whole; a bad frame with good bytes after it is damage, and refused.
 */
import { close, closeSync, fdatasync, fdatasyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { JournalRecord } from '../session/persistence.js';
import { FORMAT_VERSION, RefusedFile } from './container.js';

const MAGIC = 'OBSIMJNL';
/** magic, format version (u32), generation (u32). */
const HEADER_BYTES = 16;

export function journalName(generation: number): string {
  return `journal-${String(generation).padStart(8, '0')}.log`;
}

export interface JournalRead {
  readonly records: JournalRecord[];
  /** Bytes of whole, good frames (header included): where appending resumes. */
  readonly goodBytes: number;
  /** What was dropped at the end (a torn record), or null. */
  readonly torn: string | null;
}

/** Reads a journal file; throws RefusedFile for a foreign file, another version, or damage before the end. */
export function readJournal(path: string, generation: number, writer: string): JournalRead {
  const buf = readFileSync(path);
  if (buf.length < HEADER_BYTES) {
    // A crash right after the file was created, before its header was written whole: nothing was in it yet.
    if (MAGIC.startsWith(buf.subarray(0, 8).toString('latin1'))) return { records: [], goodBytes: 0, torn: buf.length === 0 ? null : `a header cut at ${buf.length} bytes` };
    throw new RefusedFile('not an ob-backup-sim journal (foreign content)');
  }
  if (buf.subarray(0, 8).toString('latin1') !== MAGIC) throw new RefusedFile('not an ob-backup-sim journal (foreign content)');
  const version = buf.readUInt32LE(8);
  if (version !== FORMAT_VERSION) throw new RefusedFile(`journal format version ${version}; this ${writer} reads format version ${FORMAT_VERSION} only`);
  if (buf.readUInt32LE(12) !== generation) throw new RefusedFile(`its header says generation ${buf.readUInt32LE(12)}, its name ${generation}`);
  const records: JournalRecord[] = [];
  let at = HEADER_BYTES;
  while (at < buf.length) {
    if (buf.length - at < 8) return { records, goodBytes: at, torn: `a frame header cut at offset ${at} (${buf.length - at} bytes)` };
    const length = buf.readUInt32LE(at);
    const end = at + 8 + length;
    if (end > buf.length) return { records, goodBytes: at, torn: `a record cut at offset ${at} (${buf.length - at} of ${8 + length} bytes)` };
    const payload = buf.subarray(at + 8, end);
    if (crc32(payload) !== buf.readUInt32LE(at + 4)) {
      if (end === buf.length) return { records, goodBytes: at, torn: `a last record with a bad checksum at offset ${at} (${8 + length} bytes)` };
      throw new RefusedFile(`corrupted: the record at offset ${at} fails its checksum and ${buf.length - end} bytes follow it (damage, not a torn end)`);
    }
    try {
      const body = payload.subarray(1);
      records.push((payload[0] === TAG_JSON ? JSON.parse(body.toString('utf8')) : payload[0] === TAG_V8 ? deserialize(body) : unknownTag(payload[0])) as JournalRecord);
    } catch (e) {
      throw new RefusedFile(`corrupted: the record at offset ${at} is unreadable (${(e as Error).message})`);
    }
    at = end;
  }
  return { records, goodBytes: at, torn: null };
}

const TAG_JSON = 0x4a;
const TAG_V8 = 0x56;

function unknownTag(tag: number | undefined): never {
  throw new Error(`unknown payload tag ${String(tag)}`);
}

/** One frame of a record: serialized now, so a later change of the live state cannot alter it. */
export function frame(record: JournalRecord): Buffer {
  let payload: Buffer;
  // Global variables hold bigints (SET GLOBAL ob_query_timeout, max_allowed_packet), which JSON cannot carry; a
  // data op's rows do too.
  if (record.k === 'load' || record.k === 'globals' || record.k === 'data' || (record.k === 'create' && record.start !== null)) {
    payload = Buffer.concat([Buffer.of(TAG_V8), serialize(record)]);
  } else {
    // Statements, configurations and clock readings are strings, numbers, booleans and null: JSON keeps them.
    const text = JSON.stringify(record);
    payload = Buffer.allocUnsafe(1 + Buffer.byteLength(text));
    payload[0] = TAG_JSON;
    payload.write(text, 1, 'utf8');
  }
  const out = Buffer.allocUnsafe(8 + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  payload.copy(out, 8);
  return out;
}

/** An open journal file, appended to. */
export class JournalFile {
  readonly #fd: number;
  #pending: Buffer[] = [];
  #unsynced = false;
  #syncing = false;
  #closed = false;
  bytes: number;

  /** Opens `path` for appending at `goodBytes` (cutting a torn tail), or creates it with its header. */
  constructor(
    readonly path: string,
    generation: number,
    goodBytes: number | null,
  ) {
    this.#fd = openSync(path, goodBytes === null ? 'wx' : 'r+', 0o600);
    if (goodBytes === null || goodBytes < HEADER_BYTES) {
      ftruncateSync(this.#fd, 0);
      const header = Buffer.alloc(HEADER_BYTES);
      header.write(MAGIC, 0, 'latin1');
      header.writeUInt32LE(FORMAT_VERSION, 8);
      header.writeUInt32LE(generation, 12);
      writeAll(this.#fd, header, 0);
      this.bytes = HEADER_BYTES;
    } else {
      ftruncateSync(this.#fd, goodBytes);
      this.bytes = goodBytes;
    }
    fdatasyncSync(this.#fd);
  }

  /** Queues a frame; `now` writes every queued frame to the operating system before returning. */
  append(bytes: Buffer, now: boolean): void {
    this.#pending.push(bytes);
    if (now) this.write();
  }

  /** The queued frames, in order, to the operating system (they survive a crash of this process from here on). */
  write(): void {
    if (this.#pending.length === 0) return;
    const chunk = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    this.#pending = [];
    writeAll(this.#fd, chunk, this.bytes);
    this.bytes += chunk.length;
    this.#unsynced = true;
  }

  /** write(), then to the disk itself (fdatasync), if anything is not there yet. */
  sync(): void {
    this.write();
    if (!this.#unsynced) return;
    fdatasyncSync(this.#fd);
    this.#unsynced = false;
  }

  /**
   * The periodic flush: write(), then fdatasync on the thread pool, so the disk's latency never stalls the
   * statements being answered meanwhile (their records are already with the operating system).
   */
  syncInBackground(): void {
    this.write();
    if (!this.#unsynced || this.#syncing) return;
    this.#unsynced = false;
    this.#syncing = true;
    fdatasync(this.#fd, () => {
      this.#syncing = false;
      if (this.#closed) close(this.#fd, () => undefined);
    });
  }

  close(): void {
    this.sync();
    this.#closed = true;
    // A background flush still running owns the descriptor until it ends, then closes it.
    if (!this.#syncing) closeSync(this.#fd);
  }
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}
