/**
 * Draws a Timeline (timeline.ts) as a standalone SVG document: colours as attributes rather than a stylesheet, so
 * the same text renders inline in the dashboard and as an image in GitHub's markdown view (docs/pictures/). Every
 * shape has a <title>, which browsers show on hover (a failed job's COMMENT among them). Pure: same model, same text.
 */
import type { SetPicture } from './picture.js';
import type { Timeline } from './timeline.js';

/** Fill colours by tone: greens for done, blue for running, red for failed, grey for stopped or cancelled. */
export const TONE_COLOURS: Readonly<Record<string, string>> = {
  COMPLETED: '#2e7d32',
  SUCCESS: '#2e7d32',
  RESTORE_SUCCESS: '#2e7d32',
  DOING: '#1565c0',
  INIT: '#64b5f6',
  BEGINNING: '#64b5f6',
  PREPARE: '#90caf9',
  FAILED: '#c62828',
  FAIL: '#c62828',
  RESTORE_FAIL: '#c62828',
  INTERRUPTED: '#c62828',
  CANCELING: '#9e9e9e',
  CANCELED: '#757575',
  STOPPING: '#9e9e9e',
  STOP: '#9e9e9e',
  SUSPENDING: '#bdbdbd',
  SUSPEND: '#bdbdbd',
  ACTIVE: '#4fc3f7',
  FROZEN: '#90a4ae',
  FAULT: '#ef6c00',
  WINDOW: '#7cb342',
};
/** Restore tenant-row statuses while they run. */
const RUNNING = '#1565c0';

export function drawTimelineSvg(t: Timeline, options: { readonly id?: string } = {}): string {
  const out: string[] = [];
  const id = options.id === undefined ? '' : ` id="${escapeXml(options.id)}"`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg"${id} viewBox="0 0 ${t.width} ${t.height}" width="${t.width}" height="${t.height}" role="img" aria-label="${escapeXml(`timeline of ${t.tenant}`)}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="11">`,
  );
  out.push(`<title>${escapeXml(`Timeline of ${t.tenant}`)}</title>`);
  out.push(`<rect x="0" y="0" width="${t.width}" height="${t.height}" fill="#ffffff"/>`);
  for (const tick of t.ticks) {
    out.push(`<line x1="${tick.x}" y1="16" x2="${tick.x}" y2="${t.height - 2}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${tick.x}" y="12" text-anchor="middle" fill="#424242">${escapeXml(tick.label)}</text>`);
  }
  for (const lane of t.lanes) {
    out.push(`<g data-lane="${lane.name}">`);
    out.push(`<line x1="0" y1="${lane.y + lane.height}" x2="${t.width}" y2="${lane.y + lane.height}" stroke="#f0f0f0"/>`);
    out.push(`<text x="4" y="${lane.y + lane.height / 2 + 4}" fill="#212121">${escapeXml(lane.name)}</text>`);
    for (const item of lane.items) {
      const fill = TONE_COLOURS[item.tone] ?? RUNNING;
      const opacity = item.tone === 'WINDOW' || item.tone === 'FAULT' ? ' fill-opacity="0.55"' : '';
      out.push(
        `<g data-tone="${escapeXml(item.tone)}"${item.count > 1 ? ` data-count="${item.count}"` : ''}><title>${escapeXml(item.title)}</title>` +
          `<rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}" rx="2" fill="${fill}"${opacity}/>` +
          (item.label === '' ? '' : `<text x="${item.x + 3}" y="${item.y + item.height / 2 + 4}" fill="#ffffff" font-size="10">${escapeXml(item.label)}</text>`) +
          '</g>',
      );
    }
    out.push('</g>');
  }
  if (t.nowX !== null) {
    out.push(`<line x1="${t.nowX}" y1="14" x2="${t.nowX}" y2="${t.height - 2}" stroke="#d81b60" stroke-width="1.5"><title>now</title></line>`);
    out.push(`<text x="${t.nowX}" y="${t.height - 4}" text-anchor="end" fill="#d81b60" font-size="10">now </text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** One box per backup set, FULL → INC → INC, under a title line; obsolete and deleted sets dashed and faded. */
export function drawChainSvg(sets: readonly SetPicture[], width: number, y0: number): { readonly svg: string; readonly height: number } {
  const box = { w: 150, h: 62, gap: 22 };
  const perRow = Math.max(1, Math.floor((width - 8) / (box.w + box.gap)));
  const out = [`<text x="4" y="${y0 + 14}" fill="#212121" font-weight="bold">backup set chain</text>`];
  if (sets.length === 0) out.push(`<text x="130" y="${y0 + 14}" fill="#757575">no backup sets</text>`);
  sets.forEach((s, i) => {
    const x = 4 + (i % perRow) * (box.w + box.gap);
    const y = y0 + 22 + Math.floor(i / perRow) * (box.h + 10);
    const gone = s.fileStatus === 'DELETED' || s.fileStatus === 'DELETING' || s.fileStatus === 'EXPIRED';
    const stroke = s.status === 'FAILED' ? TONE_COLOURS.FAILED : s.status === 'DOING' ? TONE_COLOURS.DOING : s.type === 'FULL' ? '#37474f' : '#90a4ae';
    const marks = [s.plusArchivelog ? '+ARCHIVELOG' : '', s.encryptionMode !== 'NONE' ? 'encrypted' : '', gone ? (s.fileStatus === 'EXPIRED' ? 'obsolete' : 'deleted') : ''].filter((m) => m !== '').join(' · ');
    const base = s.type === 'INC' ? ` on #${s.prevIncBackupSetId || s.prevFullBackupSetId}` : '';
    out.push(
      `<g data-set="${s.backupSetId}"${gone ? ' opacity="0.5"' : ''}><title>${escapeXml(`backup set ${s.backupSetId}: ${s.type} ${s.status} ${s.fileStatus}, ${s.outputBytes} bytes, ${s.macroBlockCount} macroblocks`)}</title>` +
        `<rect x="${x}" y="${y}" width="${box.w}" height="${box.h}" rx="4" fill="#ffffff" stroke="${stroke}" stroke-width="2"${gone ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<text x="${x + 6}" y="${y + 15}" fill="#212121" font-weight="bold">${escapeXml(`#${s.backupSetId} ${s.type}${base}`)}</text>` +
        `<text x="${x + 6}" y="${y + 29}" fill="${stroke}">${escapeXml(`${s.status} · ${s.fileStatus}`)}</text>` +
        `<text x="${x + 6}" y="${y + 43}" fill="#5f6368">${escapeXml(`${mib(s.outputBytes)} · ${s.macroBlockCount} blocks`)}</text>` +
        `<text x="${x + 6}" y="${y + 56}" fill="#5f6368" font-size="10">${escapeXml(marks)}</text></g>`,
    );
    if (i > 0 && i % perRow !== 0) {
      out.push(`<text x="${x - box.gap + 4}" y="${y + box.h / 2 + 5}" fill="#5f6368" font-size="14">${s.type === 'FULL' ? '|' : '→'}</text>`);
    }
  });
  const rows = Math.max(1, Math.ceil(sets.length / perRow));
  return { svg: out.join('\n'), height: 22 + rows * (box.h + 10) + 4 };
}

function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** The timeline with the chain under it, as one standalone SVG (docs/pictures/). */
export function drawPictureSvg(t: Timeline, sets: readonly SetPicture[], caption: string): string {
  const chain = drawChainSvg(sets, t.width, t.height + 18);
  const height = t.height + 18 + chain.height;
  const timelineSvg = drawTimelineSvg(t)
    .replace(/^<svg [^>]*>\n/, '')
    .replace(/\n<\/svg>$/, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${t.width} ${height}" width="${t.width}" height="${height}" role="img" aria-label="${escapeXml(caption)}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="11">`,
    `<rect x="0" y="0" width="${t.width}" height="${height}" fill="#ffffff"/>`,
    timelineSvg.replace(/^<title>[^<]*<\/title>/, `<title>${escapeXml(caption)}</title>`),
    chain.svg,
    '</svg>',
    '',
  ].join('\n');
}
