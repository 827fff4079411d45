/**
 * The dashboard page at `/` (issue 24): server-rendered HTML of one cluster and tenant, chosen by the query string
 * (`?cluster=default&tenant=mysql_tenant&span=3600`). The controls (clock, reset, faults) are outside the live part;
 * the live part (`#live`: clock, timeline, chain, jobs, archive, restores, cleans, faults, statement log) is what
 * `?partial=1` returns and the client script swaps in on each event. Works without the script, except for the
 * controls, which send statements.
 */
import type { Dashboard } from '../session/dashboard.js';
import { busiestTenant, type ClusterPicture } from '../views/picture.js';
import { renderLive, type PageQuery } from './page-live.js';
import { escapeHtml } from './html.js';

const STEPS: readonly (readonly [string, string])[] = [
  ['1', 'SECONDS'],
  ['10', 'SECONDS'],
  ['1', 'MINUTES'],
  ['10', 'MINUTES'],
  ['1', 'HOURS'],
  ['1', 'DAYS'],
  ['7', 'DAYS'],
];

const FAULT_TARGETS = ['BACKUP DEST', 'ARCHIVE DEST', 'RESTORE', 'BACKUP CLEAN', 'SERVER'] as const;
const FAULT_ERRORS = ['OB_BACKUP_DEVICE_OUT_OF_SPACE', 'OB_BACKUP_PERMISSION_DENIED', 'OB_BACKUP_DEST_NOT_CONNECT', 'OB_BACKUP_FILE_NOT_EXIST', 'OB_IO_ERROR'];

/** The page's query string, checked: unknown values fall back to the defaults rather than failing the page. */
export function pageQuery(dashboard: Dashboard, url: URL): PageQuery {
  const p = url.searchParams;
  const segment = p.get('cluster') ?? 'default';
  const cluster = segment === 'default' ? '' : segment;
  const known = dashboard.has(cluster) ? cluster : '';
  const picture = dashboard.picture(known);
  const tenant = picture.tenants.find((t) => t.name === p.get('tenant'))?.name ?? busiestTenant(picture)?.name ?? 'sys';
  const spanText = p.get('span');
  const span = spanText === null || spanText === 'all' || !/^\d+$/.test(spanText) ? null : Math.min(Number(spanText), 10 * 365 * 86_400);
  const width = Math.max(320, Math.min(2400, Number(p.get('width') ?? '') || 1200));
  const outcome = p.get('logOutcome');
  return {
    cluster: known,
    picture,
    tenant,
    span: span === 0 ? null : span,
    width,
    logTenant: p.get('logTenant') ?? '',
    logOutcome: outcome === 'ok' || outcome === 'rows' || outcome === 'error' ? outcome : '',
  };
}

export function renderPage(dashboard: Dashboard, url: URL): string {
  const q = pageQuery(dashboard, url);
  const live = renderLive(q, dashboard.statements(q.cluster), url);
  if (url.searchParams.get('partial') === '1') return live;
  const segment = q.cluster === '' ? 'default' : q.cluster;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ob-backup-sim · ${escapeHtml(segment)} · ${escapeHtml(q.tenant)}</title>
<link rel="stylesheet" href="/dashboard.css">
</head>
<body>
<header>
<h1>ob-backup-sim</h1>
${chooser(dashboard, q)}
</header>
${controls(q.picture, q.tenant, logFilter(q, url))}
<main id="live" data-cluster="${escapeHtml(segment)}" data-width="${q.width}" data-revision="0" aria-live="off">
${live}
</main>
<script src="/dashboard.js"></script>
</body>
</html>
`;
}

function chooser(dashboard: Dashboard, q: PageQuery): string {
  const clusters = dashboard
    .clusterNames()
    .map((n) => {
      const seg = n === '' ? 'default' : n;
      return `<option value="${escapeHtml(seg)}"${n === q.cluster ? ' selected' : ''}>${escapeHtml(seg)}</option>`;
    })
    .join('');
  const tenants = q.picture.tenants.map((t) => `<option value="${escapeHtml(t.name)}"${t.name === q.tenant ? ' selected' : ''}>${escapeHtml(t.name)} (${t.id})</option>`).join('');
  return `<form method="get" action="/" aria-label="cluster and tenant">
<label>Cluster <select name="cluster" id="pick-cluster">${clusters}</select></label>
<label>Tenant <select name="tenant" id="pick-tenant">${tenants}</select></label>
${q.span === null ? '' : `<input type="hidden" name="span" value="${q.span}">`}
<button type="submit" id="pick-show">Show</button>
</form>`;
}

/** The statement log's filter: outside the live part, so a refresh never resets what is being chosen. */
function logFilter(q: PageQuery, url: URL): string {
  const keep = [...url.searchParams.entries()].filter(([k]) => k !== 'logTenant' && k !== 'logOutcome' && k !== 'partial' && k !== 'width');
  const hidden = keep.map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  const option = (value: string, label: string, current: string): string => `<option value="${escapeHtml(value)}"${value === current ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const tenants = q.picture.tenants.map((t) => option(t.name, t.name, q.logTenant)).join('');
  return `<form method="get" action="/" class="row" aria-label="filter the statement log">${hidden}
<label>Tenant <select name="logTenant" id="log-tenant">${option('', 'all', q.logTenant)}${tenants}</select></label>
<label>Outcome <select name="logOutcome" id="log-outcome">${option('', 'all', q.logOutcome)}${option('ok', 'ok', q.logOutcome)}${option('rows', 'rows', q.logOutcome)}${option('error', 'error', q.logOutcome)}</select></label>
<button type="submit" id="log-filter">Filter</button></form>`;
}

function controls(picture: ClusterPicture, tenant: string, filter: string): string {
  const steps = STEPS.map(([n, unit], i) => `<option value="${n} ${unit}"${i === 2 ? ' selected' : ''}>${n} ${unit.toLowerCase()}</option>`).join('');
  const targets = FAULT_TARGETS.map((t) => `<option>${t}</option>`).join('');
  const tenants = picture.tenants.map((t) => `<option value="${escapeHtml(t.name)}"${t.name === tenant && t.type === 'USER' ? ' selected' : ''}>${escapeHtml(t.name)}</option>`).join('');
  const errors = FAULT_ERRORS.map((e) => `<option value="${e}">`).join('');
  return `<section class="controls" aria-label="controls">
<fieldset>
<legend>Clock</legend>
<form class="row" data-build="advance" id="advance-form">
<label for="advance-step">Advance by</label>
<select id="advance-step" name="step">${steps}</select>
<button type="submit" id="advance">Advance time</button>
</form>
<div class="row">
<button type="button" id="clock-manual" data-sql="ALTER EMULATOR SET CLOCK MANUAL">Manual clock</button>
<form class="row" data-build="realtime" id="realtime-form">
<label for="realtime-speed">speed</label>
<input id="realtime-speed" name="speed" type="number" min="1" max="1000000" value="${picture.clock.mode === 'REALTIME' ? picture.clock.speed : 60}" size="6">
<button type="submit" id="clock-realtime">Realtime</button>
</form>
</div>
<div class="row"><button type="button" id="reset" data-reset>Reset cluster</button></div>
</fieldset>
<fieldset>
<legend>Faults</legend>
<form data-build="fault" id="fault-form">
<div class="row"><label>Target <select name="target" id="fault-target">${targets}</select></label>
<label>Tenant <select name="tenant" id="fault-tenant"><option value="">(every tenant)</option>${tenants}</select></label></div>
<div class="row"><label>Effect <select name="effect" id="fault-effect"><option>ERROR</option><option>THROUGHPUT</option><option>DOWN</option></select></label>
<label>error <input name="error" id="fault-error" list="fault-errors" value="OB_BACKUP_DEVICE_OUT_OF_SPACE" size="30"></label>
<datalist id="fault-errors">${errors}</datalist>
<label>MB/s <input name="mbps" id="fault-mbps" type="number" min="1" value="10" size="4"></label></div>
<div class="row"><label>after s <input name="after" id="fault-after" type="number" min="0" value="0" size="5"></label>
<label>for s <input name="for" id="fault-for" type="number" min="0" value="0" size="5"></label>
<button type="submit" id="fault-inject">Inject fault</button>
<button type="button" id="faults-clear" data-sql="ALTER EMULATOR CLEAR FAULTS">Clear all faults</button></div>
</form>
</fieldset>
<fieldset>
<legend>Statement log</legend>
${filter}
</fieldset>
<div id="status" class="status" role="status" aria-live="polite"></div>
</section>`;
}
