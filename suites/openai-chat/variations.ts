import { mapJson, type SeenReply } from '../harness/rewrite-hooks.ts';
import { defineVariation, encodeParts, type FrameParts, reframe, type Variation } from '../harness/variation.ts';

const STREAMING_DOCS = 'https://platform.openai.com/docs/api-reference/chat-streaming/streaming';

type Json = Record<string, unknown>;

function parseObject(data: string | undefined): Json | undefined {
  try {
    const value: unknown = JSON.parse(data ?? '');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Re-emits every frame of a chat stream, its chunk (when it has one) rewritten into zero or more chunks. */
function mapChunks(reply: SeenReply, rewrite: (chunk: Json) => Json[]): SeenReply {
  return reframe(reply, (parts: FrameParts) => {
    const chunk = parseObject(parts.data);
    return chunk ? rewrite(chunk).map((c) => encodeParts({ ...parts, data: JSON.stringify(c) })).join('') : encodeParts(parts);
  });
}

/** The choices of a chunk, each rewritten. */
function mapChoices(chunk: Json, rewrite: (choice: Json) => Json): Json {
  return Array.isArray(chunk.choices) ? { ...chunk, choices: (chunk.choices as Json[]).map(rewrite) } : chunk;
}

const deltaOf = (choice: Json) => (choice.delta ?? {}) as Json;

/** The first delta of each tool call, per choice and tool index, as a stream announced it. */
function repeatToolHeaders(): (chunk: Json) => Json[] {
  const headers = new Map<string, Json>();
  return (chunk) => [
    mapChoices(chunk, (choice) => {
      const calls = deltaOf(choice).tool_calls;
      if (!Array.isArray(calls)) return choice;
      const repeated = (calls as Json[]).map((call) => {
        const key = `${String(choice.index)}|${String(call.index)}`;
        const header = headers.get(key);
        if (!header) {
          headers.set(key, call);
          return call;
        }
        return { ...call, id: header.id, type: header.type, function: { ...(call.function as Json), name: (header.function as Json).name } };
      });
      return { ...choice, delta: { ...deltaOf(choice), tool_calls: repeated } };
    }),
  ];
}

/** Spec-valid variations of Chat Completions replies, beyond the generic SSE and JSON ones. */
export const openaiChatVariations: readonly Variation[] = [
  defineVariation({
    id: 'openai-chat-usage-null-everywhere',
    description: 'Every chunk carries usage: null, also when include_usage was not asked (as with it, on every chunk but the usage one).',
    allowedBy: `${STREAMING_DOCS}#chat-streaming/streaming-usage`,
    rewrite: (reply) => mapChunks(reply, (chunk) => [chunk.usage === undefined ? { ...chunk, usage: null } : chunk]),
  }),
  defineVariation({
    id: 'openai-chat-no-obfuscation',
    description: 'Chunks without the obfuscation padding field (include_obfuscation: false, or a server that never pads).',
    allowedBy: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options-include_obfuscation',
    rewrite: (reply) =>
      mapChunks(reply, (chunk) => {
        const { obfuscation: _padding, ...rest } = chunk;
        return [rest];
      }),
  }),
  defineVariation({
    id: 'openai-chat-system-fingerprint-null',
    description: 'system_fingerprint: null on completions and chunks, as the live API sends for some models.',
    allowedBy: 'https://platform.openai.com/docs/api-reference/chat/object#chat/object-system_fingerprint',
    rewrite: (reply) => {
      const json = mapJson(reply, (body) => ('system_fingerprint' in body ? { ...body, system_fingerprint: null } : body));
      return mapChunks(json, (chunk) => [{ ...chunk, system_fingerprint: null }]);
    },
  }),
  defineVariation({
    id: 'openai-chat-finish-reason-absent',
    description: 'Chunks before a choice ends omit finish_reason and logprobs instead of sending them as null.',
    allowedBy: STREAMING_DOCS,
    rewrite: (reply) =>
      mapChunks(reply, (chunk) => [
        mapChoices(chunk, (choice) => {
          const { finish_reason: finish, logprobs, ...rest } = choice;
          return { ...rest, ...(finish !== null ? { finish_reason: finish } : {}), ...(logprobs !== null ? { logprobs } : {}) };
        }),
      ]),
  }),
  defineVariation({
    id: 'openai-chat-tool-header-repeated',
    description: "Every delta of a tool call repeats the call's id, type and function.name (unchanged) besides its index.",
    allowedBy: STREAMING_DOCS,
    rewrite: (reply) => mapChunks(reply, repeatToolHeaders()),
  }),
  defineVariation({
    id: 'openai-chat-empty-delta-chunks',
    description: 'An extra chunk with an empty delta after every content chunk (a server that flushes on a timer).',
    allowedBy: STREAMING_DOCS,
    rewrite: (reply) =>
      mapChunks(reply, (chunk) => {
        const choices = Array.isArray(chunk.choices) ? (chunk.choices as Json[]) : [];
        const content = choices.filter((c) => typeof deltaOf(c).content === 'string' && c.finish_reason === null && deltaOf(c).role === undefined);
        if (content.length === 0) return [chunk];
        return [chunk, { ...chunk, choices: content.map((c) => ({ index: c.index, delta: {}, logprobs: null, finish_reason: null })) }];
      }),
  }),
];
