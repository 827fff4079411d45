/**
 * Snapshot files (`.obsnap`, README "Snapshot and data directory formats"): one cluster's ClusterImage in the
 * shared container (container.ts). A file is checked whole (framing, checksum, then the state's own version and
 * the invariant checker) before a cluster is touched, so a refused file changes nothing.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { ClusterState } from '../engine/index.js';
import type { ClusterImage } from '../session/persistence.js';
import { decodeContainer, encodeContainer, RefusedFile } from './container.js';

/** The engine state's shape version this build reads (ClusterState.formatVersion). */
export const STATE_FORMAT_VERSION = 1;

export function encodeSnapshot(image: ClusterImage, writer: string): Buffer {
  const header = {
    writer,
    stateFormatVersion: image.state.formatVersion,
    cluster: image.state.clusterName,
    virtualNow: new Date(image.state.nowUs / 1000).toISOString(),
    tenants: image.state.tenants.map((t) => t.name),
  };
  return encodeContainer('snapshot', header, { config: image.config, state: trimmed(image.state), globals: image.globals });
}

/**
 * The state with each change log cut to its used length (the live arrays keep room to grow, often twice what is
 * used): copies along the path to the logs only, the rest shared, nothing of the live state changed.
 */
export function trimmed(state: ClusterState): ClusterState {
  const tenants = state.tenants.map((t) => {
    if (t.backup === null) return t;
    const c = t.backup.data.changes;
    if (c.timesUs.length === c.length) return t;
    const changes = { length: c.length, timesUs: c.timesUs.slice(0, c.length), blocks: c.blocks.slice(0, c.length) };
    return { ...t, backup: { ...t.backup, data: { ...t.backup.data, changes } } };
  });
  return { ...state, tenants };
}

/** The image in `bytes`; throws RefusedFile. */
export function decodeSnapshot(bytes: Uint8Array, writer: string): ClusterImage {
  const { header, payload } = decodeContainer('snapshot', bytes, writer);
  return checkImage(payload, header, writer);
}

/** A decoded payload as a ClusterImage, or RefusedFile: the shape, the state version, the engine's invariants. */
export function checkImage(payload: unknown, header: Readonly<Record<string, unknown>>, writer: string): ClusterImage {
  const image = payload as Partial<ClusterImage> | null;
  const state = image?.state as Partial<ClusterState> | undefined;
  if (typeof image !== 'object' || image === null || typeof state !== 'object' || state === null || !Array.isArray(image.globals)) {
    throw new RefusedFile('corrupted: no cluster state inside');
  }
  if (state.formatVersion !== STATE_FORMAT_VERSION) {
    throw new RefusedFile(
      `written by ${String(header['writer'] ?? 'an unknown writer')} with cluster state version ${String(state.formatVersion)}; this ${writer} reads state version ${STATE_FORMAT_VERSION}`,
    );
  }
  if (!Array.isArray(state.tenants) || typeof state.nowUs !== 'number' || !Array.isArray(state.rng) || typeof state.clock !== 'object') {
    throw new RefusedFile('corrupted: the cluster state is incomplete');
  }
  // The invariant checker is not run here: it costs more than the load itself on a month of history, and the
  // checksum already shows the state is byte for byte what a cluster of this engine held.
  return image as ClusterImage;
}

/** Reads and checks a snapshot file; throws RefusedFile (or the file system's error, e.g. ENOENT). */
export function readSnapshotFile(path: string, writer: string): ClusterImage {
  return decodeSnapshot(readFileSync(path), writer);
}

/**
 * Writes `bytes` to `path` whole or not at all: a temporary file beside it, flushed to disk, then renamed over
 * it, so a crash leaves the old file or the new one, never half of one. Owner-only: a state may hold passwords.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
