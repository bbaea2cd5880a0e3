import { clone, jsonReply, mapJson, type SeenReply, type SeenRequest, withRequestJson } from '../harness/rewrite-hooks.ts';
import { editChunks, isArrayStream } from './chunks.ts';

/**
 * What the Gemini mutants are made of: which request a hook sees (method, version, who sent it),
 * Google's error reply, and edits of a reply or its chunks, streamed or not.
 */

export type Json = Record<string, unknown>;

/** The method of a model call (`generateContent` for `/v1beta/models/x:generateContent`), or ''. */
export function methodOf(r: SeenRequest): string {
  return /:([A-Za-z]+)$/.exec(r.url.pathname)?.[1] ?? '';
}

/** The API version of the path (`v1`, `v1beta`). */
export function versionOf(r: SeenRequest): string {
  return r.url.pathname.split('/')[1] ?? '';
}

/** Whether @google/genai sent the request (it always sends x-goog-api-client). */
export function isSdk(r: SeenRequest): boolean {
  return r.headers['x-goog-api-client'] !== undefined;
}

/** Whether the request asks for SSE. */
export function wantsSse(r: SeenRequest): boolean {
  return r.url.searchParams.get('alt') === 'sse';
}

/** The generation config of a request body (a copy), or undefined. */
export function configOf(r: SeenRequest): Json | undefined {
  const config = r.json?.generationConfig;
  return config !== null && typeof config === 'object' ? { ...(config as Json) } : undefined;
}

/** The request with some generationConfig fields removed (what a gateway that drops them forwards). */
export function withoutConfig(r: SeenRequest, ...fields: string[]): SeenRequest {
  const config = configOf(r);
  if (!r.json || !config || !fields.some((f) => f in config)) return r;
  for (const field of fields) delete config[field];
  return withRequestJson(r, { ...r.json, generationConfig: config });
}

/** Google's error envelope. */
export function googleErrorReply(status: number, rpc: string, message: string): SeenReply {
  return jsonReply(status, { error: { code: status, message, status: rpc } });
}

/** Whether a JSON object is a GenerateContentResponse (a reply or a stream chunk). */
function isResponse(json: Json): boolean {
  return Array.isArray(json.candidates) && json.usageMetadata !== null && typeof json.usageMetadata === 'object';
}

/**
 * Edits a reply wherever a GenerateContentResponse is: the JSON body, each SSE chunk or each
 * element of the JSON-array stream (`index` and `count` say where a chunk sits; a plain reply is
 * chunk 0 of 1). Other replies (models, counts, errors) are left alone.
 */
export function editResponses(reply: SeenReply, edit: (response: Json, index: number, count: number) => void, where: { sse?: boolean; array?: boolean; plain?: boolean } = {}): SeenReply {
  const { sse = true, array = true, plain = true } = where;
  const guarded = (response: Json, index: number, count: number) => (isResponse(response) ? edit(response, index, count) : undefined);
  if (isArrayStream(reply)) return array ? editChunks(reply, guarded) : reply;
  if ((reply.headers['content-type'] ?? '').startsWith('text/event-stream')) return sse ? editChunks(reply, guarded) : reply;
  if (!plain || reply.status !== 200) return reply;
  return mapJson(reply, (json) => {
    const copy = clone(json);
    guarded(copy, 0, 1);
    return copy;
  });
}
