import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, apiErrorFrom, networkError } from './errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = '';
let onUnauthenticated: () => void = () => {};

/** Remembers the CSRF token of the current session (from sign-in or GET /api/me). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The CSRF token of the current session, for requests made without openapi-fetch (an upload with progress). */
export function currentCsrfToken(): string {
  return csrfToken;
}

/** Called when a request of a signed-in user answers 401 (session ended elsewhere). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (STATE_CHANGING.has(request.method) && csrfToken !== '') {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    const url = new URL(request.url);
    const isSignIn = url.pathname === '/api/session' && request.method === 'POST';
    const isProbe = url.pathname === '/api/me' && request.method === 'GET';
    // a wrong current password may answer 401; the form shows it instead of signing out
    const isPasswordCheck = url.pathname === '/api/me/password';
    if (response.status === 401 && !isSignIn && !isProbe && !isPasswordCheck) onUnauthenticated();
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});
api.use(csrfMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying
 * the error code, message, field and Retry-After of the answer.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw cause instanceof ApiError ? cause : networkError(cause);
  }
  if (!result.response.ok) throw apiErrorFrom(result.response, result.error);
  return result.data as T;
}
