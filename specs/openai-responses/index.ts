import { OPENAI_COMMON_SCHEMAS } from '../openai-common/index.ts';
import type { ProtocolSpec } from '../types.ts';
import { RESPONSES_OFFICIAL_SCHEMAS } from './official-schemas.ts';
import { openaiResponsesOpenApi } from './openapi.ts';
import { RESPONSES_SCHEMA_IDS } from './schema-ids.ts';
import { responsesStreamGrammar, type ResponsesStreamEventType } from './stream-grammar.ts';
import createResponseRequest from './schemas/create-response-request.json' with { type: 'json' };
import deletedResponse from './schemas/deleted-response.json' with { type: 'json' };
import inputItemList from './schemas/input-item-list.json' with { type: 'json' };
import inputTokensRequest from './schemas/input-tokens-request.json' with { type: 'json' };
import inputTokensResponse from './schemas/input-tokens-response.json' with { type: 'json' };
import items from './schemas/items.json' with { type: 'json' };
import response from './schemas/response.json' with { type: 'json' };
import streamEvent from './schemas/stream-event.json' with { type: 'json' };

export { openaiResponsesOpenApi } from './openapi.ts';
export { RESPONSES_SCHEMA_BASE, RESPONSES_SCHEMA_IDS, type ResponsesSchemaName } from './schema-ids.ts';
export {
  RESPONSES_LIFECYCLE_EVENTS,
  RESPONSES_STREAM_EVENTS,
  RESPONSES_TERMINAL_EVENTS,
  responsesStreamGrammar,
  type ResponsesStreamEventType,
} from './stream-grammar.ts';

/**
 * The OpenAI Responses protocol as data: JSON Schemas for every request, response, item and
 * stream event, the shared OpenAI error envelope, the OpenAPI document, and the stream grammar.
 *
 * @see https://platform.openai.com/docs/api-reference/responses
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export const openaiResponsesSpec: ProtocolSpec = {
  id: 'openai-responses',
  title: 'OpenAI Responses',
  openapi: openaiResponsesOpenApi,
  schemas: [
    items,
    createResponseRequest,
    response,
    streamEvent,
    inputTokensRequest,
    inputTokensResponse,
    inputItemList,
    deletedResponse,
    ...OPENAI_COMMON_SCHEMAS,
  ],
  grammar: responsesStreamGrammar,
  officialSchemas: RESPONSES_OFFICIAL_SCHEMAS,
};

/**
 * The schema reference for the data of one stream event type, e.g.
 * `…/stream-event.json#/$defs/response.output_text.delta`.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export function responsesEventSchemaId(type: ResponsesStreamEventType): `${typeof RESPONSES_SCHEMA_IDS.streamEvent}#/$defs/${ResponsesStreamEventType}` {
  return `${RESPONSES_SCHEMA_IDS.streamEvent}#/$defs/${type}`;
}
