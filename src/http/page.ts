/**
 * The dashboard page at `/` (issue 24): server-rendered HTML of one cluster and tenant.
 */
import type { Dashboard } from '../session/dashboard.js';

export function renderPage(dashboard: Dashboard, url: URL): string {
  const names = dashboard.clusterNames();
  const items = names.map((n) => `<li>${escapeHtml(n === '' ? 'default' : n)}</li>`).join('');
  void url;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ob-backup-sim</title></head><body><h1>ob-backup-sim</h1><ul>${items}</ul></body></html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
