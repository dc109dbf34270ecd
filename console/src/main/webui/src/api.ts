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

/** fetch of /api/<tenant>/<path>; a refusal throws ApiError with the server's problem detail. */
export async function api<T>(tenant: Tenant, path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  // tells Quarkus this is a script: 401 without a session rather than a redirect to the login page
  headers.set('X-Requested-With', 'XMLHttpRequest');
  headers.set('Accept', 'application/json');
  if (!SAFE.includes(method)) headers.set('X-CSRF-Token', csrfToken);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(`/api/${tenant}/${path}`, { ...init, method, headers, credentials: 'same-origin' });
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
