import { vendorId } from '../../core/ids.ts';

const HEX = '0123456789abcdef';

/** Prefixes of the ids the API gives responses and items (`resp_`, `msg_`, `rs_`, `fc_`…). */
export type ResponsesIdPrefix = 'resp_' | 'msg_' | 'rs_' | 'fc_' | 'fco_' | 'item_';

/**
 * A Responses API id: the prefix and 50 hex digits (`resp_07aae53dbc…`), derived from `key` so
 * that the same request always yields the same ids.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */
export function responsesId(prefix: ResponsesIdPrefix, key: string): string {
  return vendorId(prefix, key, 50, HEX);
}

/** A function call's `call_id`: `call_` and 24 letters or digits, as the API spells them. */
export function callId(key: string): string {
  return vendorId('call_', key, 24);
}

/** The id prefix the API uses for an item of a given type (input items get ids when stored). */
export function itemIdPrefix(type: string): ResponsesIdPrefix {
  switch (type) {
    case 'message':
      return 'msg_';
    case 'reasoning':
      return 'rs_';
    case 'function_call':
      return 'fc_';
    case 'function_call_output':
      return 'fco_';
    default:
      return 'item_';
  }
}
