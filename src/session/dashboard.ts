/**
 * What the HTTP API and the dashboard (src/http/) read and run, kept on the session side of the boundary: the
 * clusters by name, each one's picture at the current virtual time (src/views/picture.ts), its statement log, and
 * sessions opened as a tenant and user that the HTTP layer already authenticated. The HTTP layer sees sessions and
 * plain pictures, never the engine.
 */
import { syncClock } from '../engine/index.js';
import type { ObError } from '../errors.js';
import { clusterPicture, type ClusterPicture } from '../views/picture.js';
import type { ClusterRegistry, StatementTrace } from './clusters.js';
import type { StatementResult } from './port.js';
import type { StatementLog } from './statement-log.js';

/** Who an HTTP request runs its statements as. */
export interface DashboardLogin {
  readonly cluster: string;
  readonly tenant: string;
  readonly user: string;
  readonly database?: string;
}

/** A session as the HTTP layer uses it: a script in, results out (ADVANCE TIME may answer later). */
export interface DashboardSession {
  queryYielding(sql: string): readonly StatementResult[] | Promise<readonly StatementResult[]>;
  /** The session's time_zone (undefined: OceanBase's default), for rendering times as the text protocol does. */
  timeZone(): string | undefined;
}

export type OpenDashboardSession = (login: DashboardLogin) => DashboardSession | ObError;

export class Dashboard {
  constructor(
    private readonly registry: ClusterRegistry,
    readonly open: OpenDashboardSession,
    private readonly log: StatementLog,
  ) {}

  /** Names of the clusters created so far ('' is the default cluster), in creation order. */
  clusterNames(): string[] {
    return this.registry.list().map((e) => e.name);
  }

  has(name: string): boolean {
    return this.registry.list().some((e) => e.name === name);
  }

  readonly #pictures = new Map<string, { readonly revision: string; readonly picture: ClusterPicture }>();

  /**
   * The cluster's picture at its virtual now (a realtime clock is brought up to date first). Made again only when
   * the revision moved: a page open on a quiet cluster, or several readers at once, cost one picture.
   */
  picture(name: string): ClusterPicture {
    const revision = this.revision(name);
    const cached = this.#pictures.get(name);
    if (cached !== undefined && cached.revision === revision) return cached.picture;
    const { cluster } = this.registry.get(name);
    const picture = clusterPicture(cluster.state, cluster.state.nowUs);
    this.#pictures.set(name, { revision, picture });
    return picture;
  }

  statements(name: string): StatementTrace[] {
    return this.log.records(name);
  }

  /**
   * A key that changes whenever what the page draws may have changed: the virtual now moves with every change made
   * by time, and every statement (text or prepared, over the wire or HTTP) counts in the cluster's Questions. The
   * state object itself changes on RESET and LOAD SNAPSHOT.
   */
  revision(name: string): string {
    const entry = this.registry.get(name);
    syncClock(entry.cluster);
    let id = this.#stateIds.get(entry.cluster.state);
    if (id === undefined) {
      id = ++this.#nextStateId;
      this.#stateIds.set(entry.cluster.state, id);
    }
    return `${entry.cluster.state.nowUs}.${entry.questions}.${id}`;
  }

  readonly #stateIds = new WeakMap<object, number>();
  #nextStateId = 0;
}
