/**
 * The dashboard's stylesheet and client script, served as /dashboard.css and /dashboard.js from the package itself
 * (no build step, no framework: the page is rendered on the server, and the script only keeps it live and sends
 * the controls' statements). Kept small on purpose; the Content-Security-Policy allows no other script.
 *
 * The script: an EventSource on /clusters/{name}/events; on each `state` event (a few a second at most) it fetches
 * the page's live part again (`?partial=1`) and swaps it in, keeping focus on the element it was on. Buttons with
 * `data-sql` and the forms with `data-build` send their statement as sys to POST /clusters/{name}/sql; the reset
 * button uses POST /clusters/{name}/reset. What came back is shown in the status line (an aria-live region).
 */

export const DASHBOARD_CSS = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #5f6368; --line: #dadce0; --bg: #fafafa; --card: #fff;
  --ok: #2e7d32; --run: #1565c0; --bad: #c62828; --warn: #ef6c00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header, main, section.controls { padding: 8px 16px; }
header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; background: #263238; color: #fff; }
header h1 { font-size: 18px; margin: 0; }
header form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
h2 { font-size: 15px; margin: 18px 0 6px; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 8px; }
.controls fieldset { border: 1px solid var(--line); border-radius: 6px; background: var(--card); margin: 0; }
.controls legend { font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; }
button, select, input { font: inherit; padding: 4px 8px; min-height: 32px; }
button { cursor: pointer; border: 1px solid #9aa0a6; border-radius: 4px; background: #fff; }
button:hover { background: #f1f3f4; }
:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
.status { min-height: 1.5em; margin: 4px 0; font-family: ui-monospace, monospace; white-space: pre-wrap; }
.status.error { color: var(--bad); }
.clock { font-size: 15px; }
.clock b { font-family: ui-monospace, monospace; }
.zoom { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0; }
.zoom a { padding: 2px 8px; border: 1px solid var(--line); border-radius: 12px; color: var(--fg); text-decoration: none; }
.zoom a[aria-current="true"] { background: #263238; color: #fff; }
.timeline { overflow-x: auto; }
.timeline svg { max-width: 100%; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; vertical-align: -1px; }
.chain { display: flex; flex-wrap: wrap; gap: 6px; align-items: stretch; list-style: none; padding: 0; margin: 0; }
.chain li { display: flex; align-items: center; gap: 6px; }
.chain .arrow { color: var(--muted); font-size: 18px; }
.set { border: 2px solid var(--line); border-radius: 6px; padding: 6px 8px; background: var(--card); min-width: 150px; }
.set.FULL { border-color: #37474f; }
.set.status-FAILED { border-color: var(--bad); }
.set.status-DOING { border-color: var(--run); }
.set.gone { opacity: 0.55; border-style: dashed; }
.set.gone .name { text-decoration: line-through; }
.set .name { font-weight: 600; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #eceff1; margin: 1px 2px 1px 0; }
.badge.plus { background: #e3f2fd; }
.badge.enc { background: #fff3e0; }
.tablewrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #f1f3f4; }
td.comment { max-width: 48ch; overflow-wrap: anywhere; font-size: 12px; }
td.sql { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; max-width: 70ch; }
.st-COMPLETED, .st-SUCCESS, .st-ok, .st-rows, .st-RESTORE_SUCCESS { color: var(--ok); font-weight: 600; }
.st-FAILED, .st-FAIL, .st-error, .st-RESTORE_FAIL, .st-INTERRUPTED { color: var(--bad); font-weight: 600; }
.st-DOING, .st-INIT { color: var(--run); font-weight: 600; }
.muted { color: var(--muted); }
@media (max-width: 600px) {
  header, main, section.controls { padding: 6px 8px; }
  .set { min-width: 120px; }
  th, td { padding: 2px 4px; }
}
`;

export const DASHBOARD_JS = `
(() => {
  'use strict';
  const live = document.getElementById('live');
  const status = document.getElementById('status');
  if (live === null || status === null) return;
  const cluster = live.dataset.cluster;
  const api = '/clusters/' + encodeURIComponent(cluster);
  let inFlight = false;
  let again = false;
  let lastAt = 0;

  function timelineWidth() {
    const box = document.getElementById('live');
    return Math.max(320, Math.min(2400, Math.round((box && box.clientWidth) || 1200)));
  }

  async function refresh() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    lastAt = Date.now();
    try {
      const url = new URL(location.href);
      url.searchParams.set('partial', '1');
      url.searchParams.set('width', String(timelineWidth()));
      const r = await fetch(url, { headers: { Accept: 'text/html' }, cache: 'no-store' });
      if (r.ok) {
        const focused = document.activeElement && document.activeElement.id;
        live.innerHTML = await r.text();
        live.dataset.revision = String(Number(live.dataset.revision || '0') + 1);
        if (focused) { const el = document.getElementById(focused); if (el) el.focus(); }
      }
    } finally {
      inFlight = false;
      if (again) { again = false; setTimeout(refresh, 200); }
    }
  }

  function soon() {
    const wait = Math.max(0, 250 - (Date.now() - lastAt));
    setTimeout(refresh, wait);
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  function describe(results) {
    const last = results[results.length - 1];
    if (!last) return 'OK';
    if (last.type === 'error') return 'ERROR ' + last.errno + ' (' + last.sqlState + '): ' + last.message;
    if (last.type === 'rows') return last.rows.length + ' row(s)';
    return 'Query OK' + (last.lastInsertId ? ', id ' + last.lastInsertId : '');
  }

  async function post(path, body, label) {
    say(label + ' …', false);
    try {
      const r = await fetch(api + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await r.json();
      if (!r.ok) { say(label + ': ' + (answer.error || r.status), true); return; }
      if (answer.results) {
        const failed = answer.results.some((x) => x.type === 'error');
        say(label + ': ' + describe(answer.results), failed);
      } else say(label + ': OK', false);
    } catch (e) {
      say(label + ': ' + e, true);
    }
    refresh();
  }

  function runSql(sql) { return post('/sql', { sql, tenant: 'sys', user: 'root' }, sql); }

  const builders = {
    advance: (f) => 'ALTER EMULATOR ADVANCE TIME ' + f.elements.step.value,
    realtime: (f) => 'ALTER EMULATOR SET CLOCK REALTIME SPEED ' + f.elements.speed.value,
    fault: (f) => {
      const e = f.elements;
      const tenant = e.tenant.value ? ' TENANT = ' + e.tenant.value : '';
      let effect = 'DOWN';
      if (e.effect.value === 'ERROR') effect = 'ERROR = ' + e.error.value.trim();
      if (e.effect.value === 'THROUGHPUT') effect = 'THROUGHPUT = ' + e.mbps.value + ' MB PER SECOND';
      const after = Number(e.after.value) > 0 ? ' AFTER ' + e.after.value + ' SECONDS' : '';
      const span = Number(e.for.value) > 0 ? ' FOR ' + e.for.value + ' SECONDS' : '';
      return 'ALTER EMULATOR INJECT FAULT ' + e.target.value + tenant + ' ' + effect + after + span;
    },
  };

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sql], button[data-reset]');
    if (!button) return;
    event.preventDefault();
    if (button.dataset.reset !== undefined) post('/reset', {}, 'reset cluster');
    else runSql(button.dataset.sql);
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    const build = builders[form.dataset.build];
    if (!build) return;
    event.preventDefault();
    runSql(build(form));
  });

  // A new window size redraws the timeline for it (a phone turned, a window resized).
  let resized = 0;
  window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(refresh, 150); });

  const events = new EventSource(api + '/events');
  let first = true;
  events.addEventListener('state', () => {
    if (first) { first = false; if (Math.abs(timelineWidth() - Number(live.dataset.width)) < 40) return; }
    soon();
  });
})();
`;
