/**
 * The dashboard's live part (`#live`, and `?partial=1`): the clock, the timeline (views' timeline + SVG drawer),
 * the backup set chain, jobs, archive rounds and pieces, restores, cleans, faults and the statement log. Long lists
 * show their newest rows only (with the total), so a history of ten thousand jobs renders as fast as a short one.
 */
import type { StatementTrace } from '../session/clusters.js';
import { bytesDisplay } from '../views/index.js';
import { drawTimelineSvg, TONE_COLOURS } from '../views/draw-svg.js';
import { isoOfUs, type ClusterPicture, type SetPicture, type TenantPicture } from '../views/picture.js';
import { fitWindow, timeline } from '../views/timeline.js';
import { escapeHtml as h } from './html.js';

export interface PageQuery {
  readonly cluster: string;
  readonly picture: ClusterPicture;
  readonly tenant: string;
  /** Seconds of the timeline window ending a little after now, or null to fit everything. */
  readonly span: number | null;
  readonly width: number;
  readonly logTenant: string;
  readonly logOutcome: '' | 'ok' | 'rows' | 'error';
}

/** Newest rows shown in the jobs table and the statement log. */
export const JOB_ROWS = 50;
export const LOG_ROWS = 100;

const SPAN_PRESETS: readonly (readonly [string, number | null])[] = [
  ['10 min', 600],
  ['1 h', 3600],
  ['6 h', 21_600],
  ['1 day', 86_400],
  ['7 days', 604_800],
  ['30 days', 2_592_000],
  ['180 days', 15_552_000],
  ['all', null],
];

const at = (us: number | null): string => (us === null ? '' : isoOfUs(us).replace('T', ' ').replace(/\.\d+Z$/, ''));

export function renderLive(q: PageQuery, statements: readonly StatementTrace[], url: URL): string {
  const p = q.picture;
  const t = p.tenants.find((x) => x.name === q.tenant);
  return [clock(p), timelineSection(q, t, url), chain(t), jobs(t), archive(t), restores(p), cleans(t), faults(p), statementLog(q, statements)].join('\n');
}

function clock(p: ClusterPicture): string {
  return `<section class="panel clock" aria-label="clock" id="clock">Clock <b id="clock-mode">${p.clock.mode}</b>, speed <b id="clock-speed">${p.clock.speed}</b>, virtual now <b id="clock-now" data-now-us="${p.clock.nowUs}">${h(at(p.clock.nowUs))} UTC</b> · seed ${p.clock.seed}</section>`;
}

function timelineSection(q: PageQuery, t: TenantPicture | undefined, url: URL): string {
  const now = q.picture.clock.nowUs;
  const window = q.span === null ? fitWindow(t, q.picture) : { fromUs: now - q.span * 1_000_000 * 0.96, toUs: now + q.span * 1_000_000 * 0.04 };
  const model = timeline(q.picture, q.tenant, window, q.width);
  const links = SPAN_PRESETS.map(([label, span]) => {
    const u = new URL(url.toString());
    u.searchParams.delete('partial');
    u.searchParams.delete('width');
    if (span === null) u.searchParams.delete('span');
    else u.searchParams.set('span', String(span));
    const current = span === q.span;
    return `<a href="${h(u.pathname + u.search)}"${current ? ' aria-current="true"' : ''}>${label}</a>`;
  }).join('');
  const legend = ['COMPLETED', 'DOING', 'FAILED', 'CANCELED', 'ACTIVE', 'FROZEN', 'FAULT', 'WINDOW']
    .map((tone) => `<span><i style="background:${TONE_COLOURS[tone] ?? '#000'}"></i>${tone === 'WINDOW' ? 'restorable window' : tone.toLowerCase()}</span>`)
    .join('');
  const count = model.lanes.reduce((n, l) => n + l.items.length, 0);
  return `<section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline of ${h(q.tenant)}</h2>
<nav class="zoom" aria-label="zoom">${links}</nav>
<div class="timeline panel" id="timeline" data-shapes="${count}">${drawTimelineSvg(model, { id: 'timeline-svg' })}</div>
<div class="legend">${legend}</div></section>`;
}

/** Sets shown in the chain: the newest ones, from the FULL their chain starts at when it is near enough. */
export const CHAIN_SETS = 24;

function chain(t: TenantPicture | undefined): string {
  const all = t?.sets ?? [];
  let from = Math.max(0, all.length - CHAIN_SETS);
  const full = all.findIndex((s, i) => i >= from && s.type === 'FULL');
  if (from > 0 && full > from && full - from < CHAIN_SETS / 2) from = full;
  const sets = all.slice(from);
  const body =
    sets.length === 0
      ? '<p class="muted">No backup sets yet.</p>'
      : `<ol class="chain" aria-label="backup sets">${sets.map((s, i) => `<li>${i > 0 ? `<span class="arrow" aria-hidden="true">${s.type === 'FULL' ? '|' : '→'}</span>` : ''}${setCard(s)}</li>`).join('')}</ol>`;
  const note = from > 0 ? ` <span class="muted">(newest ${sets.length} of ${all.length})</span>` : '';
  return `<section aria-labelledby="h-chain"><h2 id="h-chain">Backup set chain${note}</h2><div id="chain">${body}</div></section>`;
}

function setCard(s: SetPicture): string {
  const gone = s.fileStatus === 'DELETED' || s.fileStatus === 'DELETING' || s.fileStatus === 'EXPIRED';
  const badges = [
    s.plusArchivelog ? '<span class="badge plus">PLUS ARCHIVELOG</span>' : '',
    s.encryptionMode !== 'NONE' ? `<span class="badge enc">encrypted: ${h(s.encryptionMode)}</span>` : '',
    gone ? `<span class="badge">${s.fileStatus === 'EXPIRED' ? 'obsolete' : 'deleted'}</span>` : '',
  ].join('');
  const base = s.type === 'INC' ? ` on ${s.prevIncBackupSetId || s.prevFullBackupSetId}` : '';
  return `<div class="set ${s.type} status-${h(s.status)}${gone ? ' gone' : ''}" data-set="${s.backupSetId}" tabindex="0" aria-label="backup set ${s.backupSetId} ${s.type} ${s.status} ${s.fileStatus}">
<div class="name">#${s.backupSetId} ${s.type}${base}</div>
<div><span class="st-${h(s.status)}">${h(s.status)}</span> · ${h(s.fileStatus)}</div>
<div class="muted">${bytesDisplay(s.outputBytes)} · ${s.macroBlockCount} macroblocks</div>
<div class="muted">${h(at(s.startUs))}${s.endUs === null ? '' : ` → ${h(at(s.endUs))}`}</div>
<div>${badges}</div></div>`;
}

function table(id: string, head: readonly string[], rows: readonly string[], empty: string): string {
  if (rows.length === 0) return `<p class="muted" id="${id}">${empty}</p>`;
  return `<div class="tablewrap"><table id="${id}"><thead><tr>${head.map((x) => `<th scope="col">${x}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

const status = (s: string): string => `<td class="st-${h(s)}">${h(s)}</td>`;

function jobs(t: TenantPicture | undefined): string {
  const all = t?.jobs ?? [];
  const shown = all.slice(-JOB_ROWS).reverse();
  const rows = shown.map(
    (j) =>
      `<tr data-job="${j.jobId}"><td>${j.jobId}</td><td>${j.type}</td><td>${h(j.jobLevel)}</td>${status(j.status)}<td>${j.backupSetId || ''}</td><td>${h(at(j.startUs))}</td><td>${h(at(j.endUs))}</td><td>${j.result}</td><td class="comment">${h(j.comment)}</td></tr>`,
  );
  const note = all.length > shown.length ? ` <span class="muted">(newest ${shown.length} of ${all.length})</span>` : '';
  return `<section aria-labelledby="h-jobs"><h2 id="h-jobs">Backup jobs${note}</h2>${table('jobs', ['JOB_ID', 'TYPE', 'LEVEL', 'STATUS', 'SET', 'START', 'END', 'RESULT', 'COMMENT'], rows, 'No backup jobs yet.')}</section>`;
}

function archive(t: TenantPicture | undefined): string {
  const rounds = (t?.rounds ?? []).map(
    (r) => `<tr><td>${r.destNo}</td><td>${r.roundId}</td>${status(r.status)}<td>${h(at(r.startUs))}</td><td>${h(at(r.checkpointUs))}</td><td>${h(at(r.endUs))}</td><td>${h(r.path)}</td></tr>`,
  );
  const pieces = (t?.pieces ?? []).slice(-JOB_ROWS).map(
    (p) => `<tr><td>${p.roundId}</td><td>${p.pieceId}</td>${status(p.status)}<td>${h(p.fileStatus)}</td><td>${h(at(p.startUs))}</td><td>${h(at(p.checkpointUs))}</td></tr>`,
  );
  const w = t?.restorableWindow ?? null;
  const window = w === null ? '<p class="muted" id="window">Not restorable yet: no usable backup set.</p>' : `<p id="window">Restorable from <b>${h(at(w.fromUs))}</b> to <b>${h(at(w.toUs))}</b> UTC.</p>`;
  return `<section aria-labelledby="h-archive"><h2 id="h-archive">Archive rounds and pieces</h2>${window}
${table('rounds', ['DEST_NO', 'ROUND_ID', 'STATUS', 'START', 'CHECKPOINT', 'STOPPED', 'PATH'], rounds, 'No archive round yet.')}
${table('pieces', ['ROUND_ID', 'PIECE_ID', 'STATUS', 'FILE_STATUS', 'START', 'CHECKPOINT'], pieces, 'No pieces yet.')}</section>`;
}

function restores(p: ClusterPicture): string {
  const rows = p.restores.map(
    (r) =>
      `<tr><td>${r.jobId}</td><td>${h(r.backupTenantName)}</td><td>${h(r.restoreTenantName)}</td>${status(r.status)}<td>${h(at(r.restoreUs))}</td><td>${h(at(r.startUs))}</td><td>${h(at(r.endUs))}</td><td class="comment">${h(r.comment)}</td></tr>`,
  );
  return `<section aria-labelledby="h-restores"><h2 id="h-restores">Restores</h2>${table('restores', ['JOB_ID', 'FROM', 'TO', 'STATUS', 'UNTIL', 'START', 'FINISH', 'COMMENT'], rows, 'No restores.')}</section>`;
}

function cleans(t: TenantPicture | undefined): string {
  const rows = (t?.cleans ?? []).slice(-JOB_ROWS).reverse().map(
    (c) => `<tr><td>${c.jobId}</td>${status(c.status)}<td>${h(at(c.startUs))}</td><td>${h(at(c.endUs))}</td><td>${c.result}</td><td class="comment">${h(c.comment)}</td></tr>`,
  );
  return `<section aria-labelledby="h-cleans"><h2 id="h-cleans">Clean jobs</h2>${table('cleans', ['JOB_ID', 'STATUS', 'START', 'END', 'RESULT', 'COMMENT'], rows, 'No clean jobs.')}</section>`;
}

function faults(p: ClusterPicture): string {
  const name = (id: number): string => p.tenants.find((t) => t.id === id)?.name ?? String(id);
  const rows = p.faults.map(
    (f) =>
      `<tr data-fault="${f.faultId}"><td>${f.faultId}</td><td>${h(f.target)}</td><td>${h(f.tenantId === 1 ? 'every tenant' : name(f.tenantId))}</td><td>${h(f.effect)}</td><td>${h(at(f.armedFromUs))}</td><td>${f.armedUntilUs === null ? 'until cleared' : h(at(f.armedUntilUs))}</td><td>${f.fired}</td><td><button type="button" id="clear-fault-${f.faultId}" data-sql="ALTER EMULATOR CLEAR FAULT ${f.faultId}">Clear</button></td></tr>`,
  );
  return `<section aria-labelledby="h-faults"><h2 id="h-faults">Faults</h2>${table('faults', ['FAULT_ID', 'TARGET', 'TENANT', 'EFFECT', 'ARMED_FROM', 'ARMED_UNTIL', 'FIRED', ''], rows, 'No faults injected.')}</section>`;
}

function statementLog(q: PageQuery, statements: readonly StatementTrace[]): string {
  const kept = statements.filter((s) => (q.logTenant === '' || s.tenant === q.logTenant) && (q.logOutcome === '' || s.outcome === q.logOutcome));
  const shown = kept.slice(-LOG_ROWS).reverse();
  const rows = shown.map(
    (s) =>
      `<tr><td>${h(s.time.replace('T', ' ').replace(/\.\d+Z$/, ''))}</td><td>${h(s.tenant)}</td><td>${s.session}</td><td class="st-${s.outcome}">${s.outcome}${s.code === undefined ? '' : ` ${s.code}`}</td><td class="sql">${h(s.statement)}</td></tr>`,
  );
  const filter = [q.logTenant === '' ? '' : `tenant ${q.logTenant}`, q.logOutcome === '' ? '' : `outcome ${q.logOutcome}`].filter((x) => x !== '').join(', ');
  const note = kept.length > shown.length ? ` <span class="muted">(newest ${shown.length} of ${kept.length})</span>` : '';
  return `<section aria-labelledby="h-log"><h2 id="h-log">Statement log${filter === '' ? '' : ` (${h(filter)})`}${note}</h2>${table('log', ['TIME (virtual)', 'TENANT', 'SESSION', 'OUTCOME', 'STATEMENT'], rows, 'No statements match.')}</section>`;
}
