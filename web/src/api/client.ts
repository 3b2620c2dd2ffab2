import { currentLang } from '../i18n/index.tsx';
import { serverText } from '../i18n/server-text.ts';

/**
 * The one way the app talks to the platform: JSON in, `{ok, data}` or `{ok:false, error}` out, the signed-in
 * principal's key as a Bearer token. The key lives in sessionStorage so it is gone when the tab closes. The server
 * answers in the page's language (Accept-Language); problems are worded from the page's catalogue where it has them.
 */
export interface ApiProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly messageKey?: string;
}

export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly problems: readonly ApiProblem[];
}

export type ApiResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError };

const KEY = 'smart-customs.apiKey';

export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (k: string): void => sessionStorage.setItem(KEY, k),
  clear: (): void => sessionStorage.removeItem(KEY),
};

function toError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; details?: { problems?: unknown } | null };
  const lang = currentLang();
  const problems = Array.isArray(b.details?.problems)
    ? (b.details.problems as ApiProblem[]).map((p) => (typeof p?.message === 'string' && typeof p.code === 'string' ? { ...p, message: serverText(lang, p) } : p))
    : [];
  return {
    status,
    code: typeof b.code === 'string' ? b.code : `HTTP.${status}`,
    message: typeof b.message === 'string' ? b.message : `HTTP ${status}`,
    problems,
  };
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, init: RequestInit = {}): Promise<ApiResult<T>> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  // The server speaks ja and en; a traveller page in zh or ko gets English, the language most visitors read next.
  if (!headers.has('accept-language')) headers.set('accept-language', currentLang() === 'ja' ? 'ja' : 'en');
  const key = apiKey.get();
  if (key && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
  let payload: BodyInit | undefined;
  if (body instanceof Blob || typeof body === 'string') payload = body;
  else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  try {
    const res = await fetch(path, { ...init, method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { message: text.slice(0, 200) };
    }
    return res.ok ? { ok: true, data: json as T } : { ok: false, error: toError(res.status, json) };
  } catch (e) {
    return { ok: false, error: { status: 0, code: 'NETWORK.UNAVAILABLE', message: e instanceof Error ? e.message : String(e), problems: [] } };
  }
}
