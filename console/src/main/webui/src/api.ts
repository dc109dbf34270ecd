// Calls to the console's own API (never to a service or Keycloak directly: the browser holds no token).
import type { Problem } from './types';

export type Tenant = 'nato' | 'russia';

/** The party whose pages these are, from the first path segment (/nato/..., /russia/...). */
export function tenantOfPath(pathname: string): Tenant | null {
  const first = pathname.split('/')[1];
  return first === 'nato' || first === 'russia' ? first : null;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string) {
  csrfToken = token;
}

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

/** One page of a list the service pages (`limit`, `cursor`): the items and the next page's cursor, if any. */
export interface ListPage<T> {
  items: T[];
  next: string | null;
}

/** The path of the page after `cursor` (null: the first) of `path`, `limit` at a time. */
export function pagePath(path: string, limit: number, cursor: string | null): string {
  const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** A page of a list: the body, and the next cursor from the X-Next-Cursor header the console relays. */
export async function apiPage<T>(tenant: Tenant, path: string, limit: number, cursor: string | null): Promise<ListPage<T>> {
  const { body, next } = await apiPaged<T[]>(tenant, path, limit, cursor);
  return { items: body, next };
}

/** A page whose items are inside the body (a track's history): the body as it is, and the next cursor. */
export async function apiPaged<B>(tenant: Tenant, path: string, limit: number, cursor: string | null):
  Promise<{ body: B; next: string | null }> {
  let next: string | null = null;
  const body = await api<B>(tenant, pagePath(path, limit, cursor), {}, (r) => { next = r.headers.get('X-Next-Cursor'); });
  return { body, next };
}

/** fetch of /api/<tenant>/<path>; a refusal throws ApiError with the server's problem detail. */
export async function api<T>(tenant: Tenant, path: string, init: RequestInit = {},
  onResponse?: (response: Response) => void): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  // tells Quarkus this is a script: 401 without a session rather than a redirect to the login page
  headers.set('X-Requested-With', 'XMLHttpRequest');
  headers.set('Accept', 'application/json');
  if (!SAFE.includes(method)) headers.set('X-CSRF-Token', csrfToken);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(`/api/${tenant}/${path}`, { ...init, method, headers, credentials: 'same-origin' });
  onResponse?.(response);
  const text = await response.text();
  const body = text ? safeJson(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, (body as Problem) ?? { title: response.statusText, status: response.status });
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}
