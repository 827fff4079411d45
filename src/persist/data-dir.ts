/**
 * `serve --data-dir DIR` (emulator.md "State that lasts"): every cluster's state survives restarts and crashes.
 *
 *   DIR/LOCK                  the pid of the server using DIR; a second server refuses to start while it lives
 *   DIR/checkpoint.obckp      every cluster at one instant (the snapshot container, magic OBSIMCKP), and the first
 *                             journal generation it does not include
 *   DIR/journal-NNNNNNNN.log  the accepted inputs since (journal.ts), one file per generation
 *
 * Flush policy: a record of a statement that changed state is written to the operating system (write(2)) before
 * the statement is answered, so no answered statement is lost when the process dies (SIGKILL, a crash); the file is
 * flushed to the disk itself (fdatasync) at the latest every 100 ms, so an operating-system crash or power loss
 * loses at most the last 100 ms (plus the disk's own latency: the flush runs on the thread pool, never stalling
 * the answers). Records that only catch a realtime clock up wait for the next write or flush.
 *
 * Checkpoints: when the work a replay would redo passes CHECKPOINT_AFTER_MS of engine time since the last one (and
 * no ADVANCE TIME is half-done), and at a clean stop. The journal moves to a new generation first, the checkpoint
 * is written whole (temporary file, fsync, rename), then older generations are deleted: a crash at any point leaves
 * a checkpoint and the journals after it.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { adoptState, beginAdvance, execute, executeData, syncClock, type ClusterConfig, type ClusterState } from '../engine/index.js';
import type { ClusterEntry, ClusterRegistry } from '../session/clusters.js';
import { replayVariables } from '../session/journal-inputs.js';
import { ADVANCE_SLICE_EVENTS, type ClusterImage, type JournalPort, type JournalRecord, type SysVarValue } from '../session/persistence.js';
import { decodeContainer, encodeContainer, RefusedFile } from './container.js';
import { frame, JournalFile, journalName, readJournal } from './journal.js';
import { trimmed, writeFileAtomic } from './snapshot.js';

/** Engine time a replay may have to redo before a checkpoint is written (keeps a restart's replay short). */
const CHECKPOINT_AFTER_MS = 100;
/** Records after which a checkpoint is written whatever they cost (bounds the journal's size). */
const CHECKPOINT_AFTER_RECORDS = 50_000;
/** The latest a written record reaches the disk itself. */
const FLUSH_EVERY_MS = 100;

/** Real time a recovery spends finishing one half-done ADVANCE TIME: the default ob_query_timeout (10 s). */
const FINISH_BUDGET_MS = 10_000;

const CHECKPOINT = 'checkpoint.obckp';
const LOCK = 'LOCK';

/** A data directory cannot be used: locked by a live server, or damaged. The message says which and what to do. */
export class DataDirError extends Error {}

interface CheckpointCluster {
  readonly name: string;
  readonly config: ClusterConfig;
  readonly start: ClusterImage | null;
  readonly state: ClusterState;
  readonly globals: readonly (readonly [string, SysVarValue])[];
}

export interface OpenedDataDir {
  /** What recovery did that an operator should know (a torn record dropped), one sentence each. */
  readonly notes: readonly string[];
  /** Flushes, writes a checkpoint, releases the lock. */
  close(): void;
}

/**
 * Locks `dir`, rebuilds every cluster of `registry` from its checkpoint and journal, and from then on journals
 * the registry's clusters' inputs there. Throws DataDirError, changing nothing in the directory, when it cannot.
 */
export function openDataDir(dir: string, registry: ClusterRegistry, writer: string): OpenedDataDir {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const releaseLock = lock(dir);
  try {
    return recover(dir, registry, writer, releaseLock);
  } catch (e) {
    releaseLock();
    throw e;
  }
}

function recover(dir: string, registry: ClusterRegistry, writer: string, releaseLock: () => void): OpenedDataDir {
  const notes: string[] = [];
  let firstGeneration = 1;
  const checkpointPath = join(dir, CHECKPOINT);
  if (existsSync(checkpointPath)) {
    let decoded;
    try {
      decoded = decodeContainer('checkpoint', readFileSync(checkpointPath), writer);
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e;
      throw new DataDirError(`${checkpointPath} is refused: ${e.message}. Nothing was changed; move the data directory aside to start blank`);
    }
    const generation = decoded.header['journal'];
    const clusters = (decoded.payload as { clusters?: unknown } | null)?.clusters;
    if (typeof generation !== 'number' || !Array.isArray(clusters)) throw new DataDirError(`${checkpointPath} is refused: corrupted: no clusters inside`);
    firstGeneration = generation;
    for (const c of clusters as CheckpointCluster[]) {
      const entry = registry.create(c.name, c.config, c.start);
      // As it was: a REALTIME clock keeps its anchor, so the time that passed while down is stepped through.
      entry.cluster.state = c.state;
      replaceGlobals(entry, c.globals);
    }
  }
  const generations = readdirSync(dir)
    .map((f) => /^journal-(\d{8})\.log$/.exec(f)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .filter((g) => g >= firstGeneration)
    .sort((a, b) => a - b);
  const replay = new Replay(registry);
  const replayStarted = performance.now();
  let last: { generation: number; goodBytes: number } | null = null;
  for (const [i, generation] of generations.entries()) {
    const path = join(dir, journalName(generation));
    let read;
    try {
      read = readJournal(path, generation, writer);
    } catch (e) {
      if (!(e instanceof RefusedFile)) throw e;
      throw new DataDirError(`${path} is refused: ${e.message}. Nothing was changed; move the data directory aside to start blank`);
    }
    if (read.torn !== null) {
      if (i !== generations.length - 1) throw new DataDirError(`${path} is refused: ${read.torn}, but later journals follow it (damage, not a torn end)`);
      notes.push(`recovered ${path}: dropped ${read.torn}, an input the server had not answered yet`);
    }
    for (const record of read.records) replay.apply(record);
    last = { generation, goodBytes: read.goodBytes };
  }
  const replayMs = performance.now() - replayStarted;
  const generation = last?.generation ?? firstGeneration;
  const file = new JournalFile(join(dir, journalName(generation)), generation, last === null ? null : last.goodBytes);
  const journal = new DataDirJournal(dir, registry, writer, file, generation, replay.advancing, replayMs);
  // An ADVANCE TIME the dead server had begun and not answered is finished now, in the slices the live one used:
  // a journaled statement is applied whole, never left half-done under the next statements.
  const finished = replay.finishAdvances(journal);
  if (finished > 0) notes.push(`recovered ${dir}: finished ${finished} ADVANCE TIME the server had begun and not answered`);
  registry.attachJournal(journal);
  return {
    notes,
    close: () => {
      registry.attachJournal(null);
      journal.close();
      releaseLock();
    },
  };
}

/** Applies journal records to the registry's clusters, as the live statements did. */
class Replay {
  /** Advances begun and not done, by `cluster#id`, with the slice size their steps ran in. */
  readonly #steppers = new Map<string, { readonly c: string; readonly a: number; events: number; readonly step: (maxEvents: number) => boolean }>();

  constructor(readonly registry: ClusterRegistry) {}

  /** Keys of the advances a checkpoint must not cut (begun, not done). */
  get advancing(): Set<string> {
    return new Set(this.#steppers.keys());
  }

  /**
   * Runs every advance left begun to its end, journaling each slice as the session does; returns how many. Like
   * the live statement, one gives up after FINISH_BUDGET_MS of real time (a runaway ADVANCE must not stall every
   * later start), ending where it stopped.
   */
  finishAdvances(journal: JournalPort): number {
    const unfinished = [...this.#steppers.values()];
    for (const s of unfinished) {
      const deadline = performance.now() + FINISH_BUDGET_MS;
      for (let done = false; !done; ) {
        done = s.step(s.events) || performance.now() > deadline;
        journal.append({ k: 'step', c: s.c, a: s.a, events: s.events, done }, done);
      }
    }
    this.#steppers.clear();
    return unfinished.length;
  }

  apply(r: JournalRecord): void {
    if (r.k === 'create') {
      this.registry.create(r.c, r.config, r.start, r.realUs);
      return;
    }
    const entry = this.registry.get(r.c);
    const atInstant = (realUs: number, run: () => void): void => {
      entry.clock.pin(realUs);
      try {
        run();
      } finally {
        entry.clock.unpin();
      }
    };
    switch (r.k) {
      case 'sync':
        return atInstant(r.realUs, () => syncClock(entry.cluster));
      case 'exec':
        return atInstant(r.realUs, () => void execute(entry.cluster, { tenantId: r.tenantId, user: r.user, variables: replayVariables(r.reads) }, r.stmt));
      case 'advance':
        return atInstant(r.realUs, () => void this.#steppers.set(`${r.c}#${r.a}`, { c: r.c, a: r.a, events: ADVANCE_SLICE_EVENTS, step: beginAdvance(entry.cluster, r.us) }));
      case 'step': {
        const key = `${r.c}#${r.a}`;
        const stepper = this.#steppers.get(key);
        if (stepper !== undefined) {
          stepper.events = r.events;
          stepper.step(r.events);
        }
        if (r.done) this.#steppers.delete(key);
        return;
      }
      case 'data':
        return atInstant(r.realUs, () => void executeData(entry.cluster, { tenantId: r.tenantId, user: r.user, variables: replayVariables([]) }, r.op));
      case 'globals':
        return replaceGlobals(entry, r.entries);
      case 'load':
        return atInstant(r.realUs, () => {
          adoptState(entry.cluster, r.image.state);
          replaceGlobals(entry, r.image.globals);
        });
      default:
        throw new Error(`unknown journal record ${JSON.stringify(r satisfies never)}`);
    }
  }
}

function replaceGlobals(entry: ClusterEntry, globals: readonly (readonly [string, SysVarValue])[]): void {
  entry.globalVariables.clear();
  for (const [name, value] of globals) entry.globalVariables.set(name, value);
}

/** The live journal: appends records, flushes on the policy above, and checkpoints. */
class DataDirJournal implements JournalPort {
  readonly #timer: NodeJS.Timeout;
  /** ADVANCE TIMEs begun and not done (`cluster#id`): a checkpoint waits until none is. */
  readonly #advancing: Set<string>;
  #costMs: number;
  #records = 0;

  constructor(
    readonly dir: string,
    readonly registry: ClusterRegistry,
    readonly writer: string,
    private file: JournalFile,
    private generation: number,
    advancing: Set<string>,
    replayMs: number,
  ) {
    this.#advancing = advancing;
    // What this start replayed is owed too: the next record checkpoints if it was long.
    this.#costMs = replayMs;
    this.#timer = setInterval(() => this.file.syncInBackground(), FLUSH_EVERY_MS);
    this.#timer.unref();
  }

  append(record: JournalRecord, durable: boolean, costMs = 0): void {
    this.file.append(frame(record), durable);
    this.#records++;
    this.#costMs += costMs;
    if (record.k === 'advance') this.#advancing.add(`${record.c}#${record.a}`);
    if (record.k === 'step' && record.done) this.#advancing.delete(`${record.c}#${record.a}`);
    if (durable && this.#advancing.size === 0 && (this.#costMs > CHECKPOINT_AFTER_MS || this.#records > CHECKPOINT_AFTER_RECORDS)) this.checkpoint();
  }

  /** Every cluster now, as the checkpoint; then the journals it covers are deleted. */
  checkpoint(): void {
    const next = this.generation + 1;
    this.file.close();
    this.file = new JournalFile(join(this.dir, journalName(next)), next, null);
    this.generation = next;
    const clusters: CheckpointCluster[] = this.registry.list().map((e) => ({
      name: e.name,
      config: e.cluster.config,
      start: e.start,
      state: trimmed(e.cluster.state),
      globals: [...e.globalVariables],
    }));
    writeFileAtomic(join(this.dir, CHECKPOINT), encodeContainer('checkpoint', { writer: this.writer, journal: next, clusters: clusters.length }, { clusters }));
    for (const f of readdirSync(this.dir)) {
      const g = /^journal-(\d{8})\.log$/.exec(f)?.[1];
      if (g !== undefined && Number(g) < next) rmSync(join(this.dir, f), { force: true });
    }
    this.#costMs = 0;
    this.#records = 0;
  }

  close(): void {
    clearInterval(this.#timer);
    if (this.#advancing.size === 0 && this.#records > 0) this.checkpoint();
    this.file.close();
  }
}

/** Lock files this process holds: a second emulator of the same process on the same directory is refused too. */
const HELD = new Set<string>();

/** Takes DIR/LOCK, or throws DataDirError when a live process holds it; a dead holder's lock is taken over. */
function lock(dir: string): () => void {
  const path = join(dir, LOCK);
  if (HELD.has(path)) throw new DataDirError(`the data directory ${dir} is in use by another emulator of this process (pid ${process.pid}, ${path}); one server per data directory`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      HELD.add(path);
      return () => {
        HELD.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new DataDirError(`the data directory ${dir} is in use by another ob-backup-sim (pid ${holder}, ${path}); one server per data directory`);
    }
    // The holder died without releasing it (SIGKILL, a crash): the lock is stale.
    unlinkSync(path);
  }
  throw new DataDirError(`cannot take the lock ${path}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
