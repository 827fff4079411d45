/**
 * The timeline of one tenant on the virtual-time axis (issue 24), laid out for a width in pixels: a pure function
 * of a ClusterPicture and a window [fromUs, toUs]. The page and docs/pictures draw it with draw-svg.ts.
 *
 * Lanes, top to bottom: archive rounds (bands by STATUS), pieces (ACTIVE / FROZEN), backup jobs (bars by STATUS,
 * FULL taller than INC), clean jobs, restores, faults, and the restorable window. Items outside the window are left
 * out, and items narrower than a pixel that touch their neighbour merge into one (their worst status wins, and the
 * first failure's COMMENT stays in the hover text), so ten thousand jobs draw as at most a few hundred shapes.
 */
import type { ClusterPicture, TenantPicture } from './picture.js';
import { isoOfUs } from './picture.js';

export interface TimelineItem {
  readonly x: number;
  readonly width: number;
  /** Vertical position and size inside the lane, in pixels. */
  readonly y: number;
  readonly height: number;
  /** What decides the colour: a status (`COMPLETED`, `FAILED`, `DOING`, `ACTIVE`, …) or `WINDOW` / `FAULT`. */
  readonly tone: string;
  /** A short text drawn inside the item when it is wide enough. */
  readonly label: string;
  /** Hover text: what the item is, its times, and a failure's COMMENT. */
  readonly title: string;
  /** How many picture items this shape stands for (more than one once merged). */
  readonly count: number;
}

export interface TimelineLane {
  readonly name: string;
  readonly y: number;
  readonly height: number;
  readonly items: readonly TimelineItem[];
}

export interface Timeline {
  readonly tenant: string;
  readonly fromUs: number;
  readonly toUs: number;
  readonly width: number;
  readonly height: number;
  /** Left margin for the lane names. */
  readonly plotX: number;
  readonly lanes: readonly TimelineLane[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  /** Where the virtual now is, or null when it is outside the window. */
  readonly nowX: number | null;
}

const LANE_HEIGHT = 26;
const AXIS_HEIGHT = 22;
const PLOT_X = 92;
/** Below this many pixels an item may merge with a neighbour it touches. */
const MERGE_BELOW_PX = 2;

/** The window that shows everything that happened, from the first item to a little after now. */
export function fitWindow(tenant: TenantPicture | undefined, picture: ClusterPicture): { fromUs: number; toUs: number } {
  const now = picture.clock.nowUs;
  let from = now;
  const earlier = (us: number): void => {
    if (us < from) from = us;
  };
  // Plain loops: this runs on every refresh, over every job of a long history.
  for (const r of tenant?.rounds ?? []) earlier(r.startUs);
  for (const j of tenant?.jobs ?? []) earlier(j.startUs);
  for (const c of tenant?.cleans ?? []) earlier(c.startUs);
  for (const r of picture.restores) earlier(r.startUs);
  for (const f of picture.faults) earlier(f.armedFromUs);
  const span = Math.max(now - from, 60_000_000);
  return { fromUs: now - span, toUs: now + span * 0.04 };
}

/** Severity of statuses when shapes merge: the worst one is what the merged shape shows. */
const SEVERITY: Readonly<Record<string, number>> = { FAILED: 5, FAIL: 5, RESTORE_FAIL: 5, INTERRUPTED: 5, CANCELED: 3, CANCELING: 3, DOING: 2, INIT: 2 };

export function timeline(picture: ClusterPicture, tenantName: string, window: { fromUs: number; toUs: number }, width: number): Timeline {
  const tenant = picture.tenants.find((t) => t.name === tenantName);
  const fromUs = window.fromUs;
  const toUs = Math.max(window.toUs, fromUs + 1);
  const plotWidth = Math.max(width - PLOT_X - 8, 10);
  const xOf = (us: number): number => PLOT_X + ((us - fromUs) / (toUs - fromUs)) * plotWidth;
  const now = picture.clock.nowUs;
  const endOf = (end: number | null): number => end ?? now;

  /**
   * Spans clipped to the window, sorted, merged where they are thinner than a pixel and touch. Hover texts are
   * made only for the shapes drawn (formatting ten thousand of them would cost more than everything else).
   */
  const layout = (spans: readonly Span[], y: number, height: number): TimelineItem[] => {
    const shapes: Shape[] = [];
    const sorted = spans.filter((s) => s.endUs >= fromUs && s.startUs <= toUs).sort((a, b) => a.startUs - b.startUs);
    for (const s of sorted) {
      const x0 = Math.max(xOf(s.startUs), PLOT_X);
      const x1 = Math.min(xOf(s.endUs), PLOT_X + plotWidth);
      const w = Math.max(x1 - x0, 1);
      const prev = shapes[shapes.length - 1];
      if (prev !== undefined && w < MERGE_BELOW_PX && prev.width < MERGE_BELOW_PX * 4 && x0 <= prev.x + prev.width + 0.5) {
        mergeInto(prev, s, x0 + w);
        continue;
      }
      shapes.push({ x: x0, width: w, heightPx: s.heightPx, tone: s.tone, label: w > 36 ? s.label : '', detail: s, count: 1 });
    }
    return shapes.map((sh) => ({
      x: round(sh.x),
      width: round(sh.width),
      y: y + (height - sh.heightPx) / 2,
      height: sh.heightPx,
      tone: sh.tone,
      label: sh.count > 1 ? '' : sh.label,
      title: sh.count > 1 ? `${sh.count} items here, the worst ${sh.tone}\n${sh.detail.title()}` : sh.detail.title(),
      count: sh.count,
    }));
  };

  const lanes: TimelineLane[] = [];
  const lane = (name: string, spans: readonly Span[], tall = LANE_HEIGHT): void => {
    const y = AXIS_HEIGHT + lanes.reduce((sum, l) => sum + l.height, 0);
    lanes.push({ name, y, height: tall, items: layout(spans, y, tall) });
  };
  const at = (us: number): string => isoOfUs(us).replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const h = LANE_HEIGHT - 8;

  lane(
    'archive',
    (tenant?.rounds ?? []).map((r) => ({
      startUs: r.startUs,
      endUs: endOf(r.endUs),
      tone: r.status,
      label: `round ${r.roundId} ${r.status}`,
      title: () => `archive round ${r.roundId} (dest ${r.destNo}) ${r.status}\nfrom ${at(r.startUs)}${r.endUs === null ? '' : ` to ${at(r.endUs)}`}\ncheckpoint ${at(r.checkpointUs)}`,
      heightPx: h,
    })),
  );
  lane(
    'pieces',
    (tenant?.pieces ?? []).map((p) => ({
      startUs: p.startUs,
      endUs: p.status === 'ACTIVE' ? Math.max(p.checkpointUs, p.startUs) : p.endUs,
      tone: p.status,
      label: `piece ${p.pieceId}`,
      title: () => `piece ${p.pieceId} of round ${p.roundId}: ${p.status}, ${p.fileStatus}\nfrom ${at(p.startUs)} to ${at(p.status === 'ACTIVE' ? p.checkpointUs : p.endUs)}`,
      heightPx: h - 4,
    })),
  );
  lane(
    'backups',
    (tenant?.jobs ?? []).map((j) => ({
      startUs: j.startUs,
      endUs: endOf(j.endUs),
      tone: j.status,
      label: `${j.type} #${j.jobId}`,
      title: () => `backup job ${j.jobId}: ${j.type} ${j.status}${j.backupSetId > 0 ? `, set ${j.backupSetId}` : ''}\nfrom ${at(j.startUs)}${j.endUs === null ? '' : ` to ${at(j.endUs)}`}${j.comment === '' ? '' : `\n${j.comment}`}`,
      heightPx: j.type === 'FULL' ? h : h - 6,
    })),
  );
  lane(
    'cleans',
    (tenant?.cleans ?? []).map((c) => ({
      startUs: c.startUs,
      endUs: endOf(c.endUs),
      tone: c.status,
      label: `clean #${c.jobId}`,
      title: () => `clean job ${c.jobId}: ${c.status}\nfrom ${at(c.startUs)}${c.endUs === null ? '' : ` to ${at(c.endUs)}`}${c.comment === '' ? '' : `\n${c.comment}`}`,
      heightPx: h - 4,
    })),
  );
  lane(
    'restores',
    picture.restores.map((r) => ({
      startUs: r.startUs,
      endUs: endOf(r.endUs),
      tone: r.status,
      label: `restore #${r.jobId}`,
      title: () => `restore job ${r.jobId}: ${r.backupTenantName} → ${r.restoreTenantName}, ${r.status}\nuntil ${at(r.restoreUs)}${r.comment === '' ? '' : `\n${r.comment}`}`,
      heightPx: h - 4,
    })),
  );
  lane(
    'faults',
    picture.faults
      .filter((f) => tenant === undefined || f.tenantId === 1 || f.tenantId === tenant.id)
      .map((f) => ({
        startUs: f.armedFromUs,
        endUs: f.armedUntilUs ?? Math.max(now, toUs),
        tone: 'FAULT',
        label: `fault ${f.faultId}`,
        title: () => `fault ${f.faultId}: ${f.target} ${f.effect}, fired ${f.fired} time(s)\nfrom ${at(f.armedFromUs)}${f.armedUntilUs === null ? ' until cleared' : ` to ${at(f.armedUntilUs)}`}`,
        heightPx: h - 4,
      })),
  );
  const w = tenant?.restorableWindow ?? null;
  lane(
    'restorable',
    w === null ? [] : [{ startUs: w.fromUs, endUs: w.toUs, tone: 'WINDOW', label: 'restorable', title: () => `restorable from ${at(w.fromUs)} to ${at(w.toUs)}`, heightPx: h - 6 }],
  );

  const height = AXIS_HEIGHT + lanes.reduce((sum, l) => sum + l.height, 0) + 4;
  return {
    tenant: tenantName,
    fromUs,
    toUs,
    width,
    height,
    plotX: PLOT_X,
    lanes,
    ticks: ticks(fromUs, toUs, plotWidth).map((t) => ({ x: round(xOf(t.us)), label: t.label })),
    nowX: now >= fromUs && now <= toUs ? round(xOf(now)) : null,
  };
}

interface Span {
  readonly startUs: number;
  readonly endUs: number;
  readonly tone: string;
  readonly label: string;
  readonly title: () => string;
  readonly heightPx: number;
}

/** A shape being laid out: one span, or a run of thin ones merged. */
interface Shape {
  readonly x: number;
  width: number;
  heightPx: number;
  tone: string;
  readonly label: string;
  /** Whose hover text the shape shows: the first failure of the run, else its first span. */
  detail: Span;
  count: number;
}

/** Adds a thin span to the shape before it: the worst status wins, and the first failure's text is kept. */
function mergeInto(shape: Shape, s: Span, x1: number): void {
  const before = SEVERITY[shape.tone] ?? 0;
  const severity = SEVERITY[s.tone] ?? 0;
  if (severity >= 5 && (SEVERITY[shape.detail.tone] ?? 0) < 5) shape.detail = s;
  if (severity > before) shape.tone = s.tone;
  shape.width = Math.max(x1 - shape.x, shape.width);
  shape.heightPx = Math.max(shape.heightPx, s.heightPx);
  shape.count++;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const STEPS_US = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 6 * 3600, 12 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400].map((s) => s * 1_000_000);

/** Round instants for the axis, about one per 110 pixels, labelled with as much of the time as their step needs. */
function ticks(fromUs: number, toUs: number, plotWidth: number): { us: number; label: string }[] {
  const wanted = Math.max(2, Math.floor(plotWidth / 110));
  const step = STEPS_US.find((s) => (toUs - fromUs) / s <= wanted) ?? STEPS_US[STEPS_US.length - 1] ?? 1;
  const out: { us: number; label: string }[] = [];
  for (let t = Math.ceil(fromUs / step) * step; t <= toUs; t += step) {
    const iso = isoOfUs(t);
    const label = step >= 86_400_000_000 ? iso.slice(0, 10) : step >= 60_000_000 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 19);
    out.push({ us: t, label });
  }
  return out;
}
