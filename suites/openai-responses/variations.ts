import { isStream } from '../harness/rewrite-hooks.ts';
import { defineVariation, encodeParts, mapJsonText, reframe, type Variation } from '../harness/variation.ts';
import { jsonObject } from '../harness/http.ts';

const STREAMING_DOCS = 'https://platform.openai.com/docs/api-reference/responses-streaming';

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  try {
    return jsonObject(JSON.parse(text ?? ''));
  } catch {
    return undefined;
  }
}

/**
 * Spec-valid variations of Responses streams, beyond the generic SSE and JSON ones. (Event types
 * the API does not define are not among them: openai-node 7's responses.stream() throws on them,
 * so a target sending one does break the official client.)
 */
export const responsesVariations: readonly Variation[] = [
  defineVariation({
    id: 'responses-keepalive',
    description: 'A keepalive event after response.created and after every output_item.done, numbered like every event (the sequence renumbered).',
    allowedBy: STREAMING_DOCS,
    rewrite: (reply) => {
      if (!isStream(reply)) return reply;
      let next = 0;
      const numbered = (data: Record<string, unknown>) => JSON.stringify({ ...data, sequence_number: next++ });
      return reframe(reply, (parts) => {
        const data = parseObject(parts.data);
        if (typeof data?.sequence_number !== 'number') return encodeParts(parts);
        const frame = encodeParts({ ...parts, data: numbered(data) });
        const pause = data.type === 'response.created' || data.type === 'response.output_item.done';
        return pause ? `${frame}${encodeParts({ event: 'keepalive', data: numbered({ type: 'keepalive' }), id: undefined })}` : frame;
      });
    },
  }),
  defineVariation({
    id: 'responses-no-obfuscation',
    description: 'Delta events without the `obfuscation` padding (what `stream_options.include_obfuscation: false` asks for).',
    allowedBy: 'https://platform.openai.com/docs/api-reference/responses/create#responses-create-stream_options',
    rewrite: (reply) =>
      isStream(reply)
        ? mapJsonText(reply, (value) => {
            const { obfuscation: _padding, ...rest } = jsonObject(value) ?? {};
            return JSON.stringify(jsonObject(value) ? rest : value);
          })
        : reply,
  }),
];
