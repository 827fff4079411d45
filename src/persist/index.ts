/**
 * State that lasts (emulator.md), as src/index.ts wires it: snapshots (snapshot.ts, snapshot-dir.ts) and the data
 * directory (data-dir.ts). The only module that reads and writes the emulator's own files.
 */
import { statSync } from 'node:fs';
import type { ClusterImage, Persistence } from '../session/persistence.js';
import { RefusedFile } from './container.js';
import { snapshotDirectory } from './snapshot-dir.js';
import { decodeSnapshot, encodeSnapshot, readSnapshotFile } from './snapshot.js';

export { encodeSnapshot, decodeSnapshot, writeFileAtomic } from './snapshot.js';
export { RefusedFile } from './container.js';

export interface PersistenceOptions {
  readonly snapshotDir?: string;
  /** A snapshot file's path, or its bytes. */
  readonly snapshot?: string | Uint8Array;
  /** Who writes the files (`ob-backup-sim 0.1.0`), recorded in them and named in refusals. */
  readonly writer: string;
}

/** The snapshot side of persistence; throws an Error whose message says what is wrong with the options. */
export function openPersistence(options: PersistenceOptions): Persistence {
  if (options.snapshotDir !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(options.snapshotDir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new Error(`the snapshot directory ${options.snapshotDir} does not exist or is not a directory`);
  }
  return {
    snapshots: options.snapshotDir === undefined ? null : snapshotDirectory(options.snapshotDir, options.writer),
    startImage: options.snapshot === undefined ? null : loadImage(options.snapshot, options.writer),
  };
}

/** A snapshot from a path or bytes; an Error naming the file and what is wrong with it. */
export function loadImage(snapshot: string | Uint8Array, writer: string): ClusterImage {
  const what = typeof snapshot === 'string' ? `the snapshot ${snapshot}` : 'the snapshot';
  try {
    return typeof snapshot === 'string' ? readSnapshotFile(snapshot, writer) : decodeSnapshot(snapshot, writer);
  } catch (e) {
    if (e instanceof RefusedFile) throw new Error(`${what} is refused: ${e.message}`);
    throw new Error(`cannot read ${what}: ${(e as Error).message}`);
  }
}

export function snapshotBytes(image: ClusterImage, writer: string): Buffer {
  return encodeSnapshot(image, writer);
}
