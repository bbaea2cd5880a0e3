import { ANTHROPIC_SCHEMA_IDS as ID } from './schema-ids.ts';

const def = (id: string, name: string) => `${id}#/$defs/${name}`;

/**
 * Our Anthropic Messages schemas → the official OpenAPI components they describe (the Stainless
 * spec the official SDKs are generated from), for `llm-conformance spec-drift`. Whole documents
 * first; `$defs` that the walk from them does not reach with the same official counterpart (a
 * union on one side only, a component used in several places) are mapped on their own.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export const ANTHROPIC_OFFICIAL_SCHEMAS: Readonly<Record<string, string>> = {
  [ID.createMessageRequest]: 'CreateMessageParams',
  [ID.countTokensRequest]: 'CountMessageTokensParams',
  [ID.countTokensResponse]: 'CountMessageTokensResponse',
  [ID.message]: 'Message',
  [ID.streamEvent]: 'MessageStreamEvent',
  [ID.modelInfo]: 'ModelInfo',
  [ID.modelList]: 'ListResponse_ModelInfo_',
  [ID.errorResponse]: 'ErrorResponse',
  [def(ID.message, 'Usage')]: 'Usage',
  [def(ID.streamEvent, 'MessageDeltaUsage')]: 'MessageDeltaUsage',
  [def(ID.contentBlocks, 'ContentBlock')]: 'ContentBlock',
  [def(ID.contentBlocks, 'ContentBlockParam')]: 'InputContentBlock',
  [def(ID.contentBlocks, 'CacheControlEphemeral')]: 'CacheControlEphemeral',
  [def(ID.createMessageRequest, 'InputMessage')]: 'InputMessage',
  [def(ID.createMessageRequest, 'CustomTool')]: 'Tool',
  [def(ID.createMessageRequest, 'ToolChoice')]: 'ToolChoice',
  [def(ID.createMessageRequest, 'ThinkingConfig')]: 'ThinkingConfigParam',
  [def(ID.createMessageRequest, 'Metadata')]: 'Metadata',
};
