import { GoogleGenAI } from '@google/genai';
import { type RawExchange, rawExchange } from '../harness/http.ts';
import { captureStream, type StreamCapture } from '../harness/stream-capture.ts';
import type { ResolvedTarget } from '../harness/target.ts';

/**
 * How a request carries the Gemini API key: the `x-goog-api-key` header (what `@google/genai`
 * always sends) or the `?key=` query parameter (the REST docs' curl examples, gateways that
 * forward only the query). The preflight sets `target.authScheme` to `query-key` when a target
 * accepts only the query form, so that only `auth/header-key` reports it.
 *
 * @see https://ai.google.dev/api#authentication
 */
export type GeminiAuth = 'header-key' | 'query-key' | 'none';

/** The API versions the suite speaks: `v1` is `@google/genai`'s default, `v1beta` every other client's. */
export type GeminiVersion = 'v1' | 'v1beta';

/** The auth scheme to use when a check is not about auth: the one the preflight found accepted. */
export function defaultAuth(target: ResolvedTarget): Exclude<GeminiAuth, 'none'> {
  return target.authScheme === 'query-key' ? 'query-key' : 'header-key';
}

/** Options of one raw Gemini request. */
export interface GeminiCall {
  readonly version?: GeminiVersion;
  /** The model of the path (default: the target's). */
  readonly model?: string;
  /** Extra query parameters (`alt=sse`), before the key. */
  readonly query?: Readonly<Record<string, string>>;
  readonly auth?: GeminiAuth;
}

/** `/v1beta/models/{model}:{method}?…` (or any resource path given whole) with the key where `auth` says. */
export function geminiPath(target: ResolvedTarget, resource: string, call: GeminiCall = {}): { path: string; headers: Record<string, string> } {
  const auth = call.auth ?? defaultAuth(target);
  const query = new URLSearchParams(call.query);
  if (auth === 'query-key') query.set('key', target.apiKey);
  const encoded = query.toString();
  const search = encoded === '' ? '' : `?${encoded}`;
  const headers: Record<string, string> = auth === 'header-key' ? { 'x-goog-api-key': target.apiKey } : {};
  return { path: `/${call.version ?? 'v1beta'}/${resource}${search}`, headers };
}

/** The resource of a model method: `models/gemini-2.5-flash:generateContent`. */
export function methodResource(model: string, method: string): string {
  return `models/${encodeURIComponent(model)}:${method}`;
}

/** POST a model method (`generateContent`, `countTokens`, …) on the raw wire. */
export function postMethod(target: ResolvedTarget, method: string, body: unknown, call: GeminiCall = {}): Promise<RawExchange> {
  const { path, headers } = geminiPath(target, methodResource(call.model ?? target.model, method), call);
  return rawExchange(target, { path, headers, body });
}

/** GET a resource (`models`, `models/x`) on the raw wire. */
export function getResource(target: ResolvedTarget, resource: string, call: GeminiCall = {}): Promise<RawExchange> {
  const { path, headers } = geminiPath(target, resource, call);
  return rawExchange(target, { path, headers });
}

/** :streamGenerateContent with `alt=sse`, read as bytes, frames and events. */
export function streamSse(target: ResolvedTarget, body: unknown, call: GeminiCall = {}): Promise<StreamCapture> {
  const { path, headers } = geminiPath(target, methodResource(call.model ?? target.model, 'streamGenerateContent'), { ...call, query: { alt: 'sse', ...call.query } });
  return captureStream(target, { path, headers, body });
}

/** :streamGenerateContent without `alt=sse`: the API's default answer is one JSON array. */
export function streamArray(target: ResolvedTarget, body: unknown, call: GeminiCall = {}): Promise<RawExchange> {
  return postMethod(target, 'streamGenerateContent', body, call);
}

/**
 * The official SDK pointed at the target: `httpOptions.baseUrl` (the server root: the SDK adds
 * the version), its default API version (`v1` in `@google/genai` 3) unless `apiVersion` is given,
 * no retries (the SDK retries only when `retryOptions` is set) and the target's recording,
 * bounded `fetch`, which `httpOptions.fetch` takes for every request. The SDK always sends the key
 * in `x-goog-api-key`; for a target that takes only `?key=`, the fetch moves it to the query, so
 * the SDK checks still judge the rest.
 *
 * @see https://github.com/googleapis/js-genai/blob/main/src/_api_client.ts
 */
export function geminiClient(target: ResolvedTarget, options: { apiVersion?: GeminiVersion; apiKey?: string } = {}): GoogleGenAI {
  const fetch = target.authScheme === 'query-key' ? keyInQuery(target.fetch) : target.fetch;
  return new GoogleGenAI({
    // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot turn the client to Vertex AI.
    vertexai: false,
    apiKey: options.apiKey ?? target.apiKey,
    httpOptions: { baseUrl: target.baseUrl, ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}), timeout: target.timeoutMs, fetch },
  });
}

/** A fetch that moves `x-goog-api-key` into `?key=`. */
function keyInQuery(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    const key = headers.get('x-goog-api-key');
    if (key === null) return inner(input, init);
    headers.delete('x-goog-api-key');
    const url = new URL(input instanceof Request ? input.url : String(input));
    url.searchParams.set('key', key);
    return inner(url.href, { ...init, headers });
  };
}
