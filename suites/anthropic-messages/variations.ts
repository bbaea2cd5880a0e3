import { encodeSseFrame } from '../../wire/sse-encode.ts';
import { defineVariation, reframe, type Variation, encodeParts } from '../harness/variation.ts';

const STREAMING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/streaming';

const PING = encodeSseFrame({ event: 'ping', data: '{"type": "ping"}' });
/** An event type the docs do not define (yet): clients must skip it. */
const UNKNOWN = encodeSseFrame({ event: 'content_block_annotation', data: JSON.stringify({ type: 'content_block_annotation', annotation: { kind: 'future' } }) });

/** Spec-valid variations of Anthropic streams, beyond the generic SSE and JSON ones. */
export const anthropicVariations: readonly Variation[] = [
  defineVariation({
    id: 'anthropic-extra-pings',
    description: 'A ping before message_start, between every two events and before message_stop.',
    allowedBy: `${STREAMING_DOCS}#ping-events`,
    rewrite: (reply) => reframe(reply, (parts, i) => `${PING}${encodeParts(parts)}${i === 0 ? PING : ''}`),
  }),
  defineVariation({
    id: 'anthropic-unknown-event-types',
    description: 'Events of a type the docs do not define, after message_start and between content blocks.',
    allowedBy: `${STREAMING_DOCS}#other-events`,
    rewrite: (reply) =>
      reframe(reply, (parts) => {
        const frame = encodeParts(parts);
        return parts.event === 'message_start' || parts.event === 'content_block_stop' ? `${frame}${UNKNOWN}` : frame;
      }),
  }),
];
