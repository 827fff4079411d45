/**
 * Who may use the HTTP API (issue 24, emulator.md "HTTP"). A web page on another site must not be able to drive
 * the emulator through the user's browser, and nothing may bypass `--password`:
 *
 * - Host: on a loopback address, the Host header must name a loopback host (127.x.x.x, localhost, [::1]), so a
 *   page on a DNS name that rebinds to 127.0.0.1 is refused (DNS rebinding).
 * - `--password`: every request carries it, as `Authorization: Bearer PW` or Basic auth with any user name and PW
 *   (what a browser asks for after the 401's challenge).
 * - POST: `Content-Type: application/json` (a cross-site form cannot send it without a CORS preflight, which this
 *   server never grants), and an Origin, when the client sends one, equal to this server's own origin. Clients that
 *   are not browsers send no Origin; browsers always send it on a POST.
 *
 * Each check answers with a refusal (status and message) or null.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Refusal {
  readonly status: number;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** 127.0.0.0/8, ::1 and localhost: names only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1' || h === 'localhost' || h.endsWith('.localhost');
}

/** The host name of a Host header value (`[::1]:2880` → `::1`, `localhost:2880` → `localhost`). */
export function hostName(header: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1] ?? '';
  const colon = header.lastIndexOf(':');
  return colon < 0 ? header : header.slice(0, colon);
}

export function checkHost(req: IncomingMessage, listensOnLoopback: boolean): Refusal | null {
  const host = req.headers.host;
  if (host === undefined || host === '') return { status: 400, message: 'a Host header is required' };
  if (listensOnLoopback && !isLoopbackHost(hostName(host))) {
    return { status: 403, message: `Host '${host}' is not a loopback name: the server listens on a loopback address only` };
  }
  return null;
}

export const AUTH_CHALLENGE = 'Basic realm="ob-backup-sim", charset="UTF-8"';

export function checkPassword(req: IncomingMessage, password: string | null): Refusal | null {
  if (password === null) return null;
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  let given: string | null = null;
  if (bearer) given = bearer[1]?.trim() ?? '';
  else if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    given = colon < 0 ? null : decoded.slice(colon + 1);
  }
  if (given !== null && sameSecret(given, password)) return null;
  return {
    status: 401,
    message: header === '' ? 'the server has a password: send it as a bearer token or with basic auth' : 'wrong password',
    headers: { 'WWW-Authenticate': AUTH_CHALLENGE },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A POST's content type and origin. */
export function checkPost(req: IncomingMessage): Refusal | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') {
    return { status: 415, message: `a POST needs Content-Type: application/json (got '${req.headers['content-type'] ?? ''}')` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) {
    return { status: 403, message: `Origin '${origin}' is not this server's origin (http://${req.headers.host ?? ''})` };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return { status: 403, message: 'a cross-site request is refused' };
  return null;
}
