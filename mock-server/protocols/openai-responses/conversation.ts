import { OpenAIError } from '../openai-common/errors.ts';
import { itemIdPrefix, responsesId } from './ids.ts';
import { openReasoning } from './reasoning-content.ts';
import { contextOf, type ResponseStore } from './store.ts';
import type { ContentPartParam, InputItemParam, ResponsesRequestBody, StoredItem } from './wire-types.ts';

/** The items a request works on: what it inherits, and its own input (ids assigned, references resolved). */
export interface Conversation {
  /** Inherited through `previous_response_id`: that response's context, input and output. */
  readonly previous: readonly StoredItem[];
  /** This request's input items, as the server stores them. */
  readonly input: readonly StoredItem[];
}

const STORE_FALSE_HINT = ' Items are not persisted when `store` is set to false. Try again with `store` set to true, or remove this item from your input.';

/**
 * Resolves what a request continues (`previous_response_id`) and what it sends (`input`): string
 * input becomes a user message, every item gets the id the server stores it under, item references
 * become the items they name, replayed reasoning is verified. Then the checks the API makes on
 * the whole context: no item twice, no function call output without its call.
 *
 * @see https://platform.openai.com/docs/guides/conversation-state
 */
export function resolveConversation(body: Pick<ResponsesRequestBody, 'input' | 'previous_response_id' | 'store'>, store: ResponseStore, key: string): Conversation {
  const previous = inherited(body.previous_response_id, store);
  const input = normalizeInput(body.input, store, key, body.store === false);
  checkContext([...previous, ...input]);
  return { previous, input };
}

function inherited(previousId: string | null | undefined, store: ResponseStore): StoredItem[] {
  if (previousId === undefined || previousId === null) return [];
  const record = store.get(previousId);
  if (!record) {
    throw new OpenAIError('not_found', `Previous response with id '${previousId}' not found.`, { param: 'previous_response_id', code: 'previous_response_not_found' });
  }
  return contextOf(record);
}

function normalizeInput(input: ResponsesRequestBody['input'], store: ResponseStore, key: string, storeFalse: boolean): StoredItem[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [storedMessage({ role: 'user', content: input }, responsesId('msg_', `${key}|input|0`))];
  return input.map((item, i) => {
    const id = item.id ?? responsesId(itemIdPrefix(item.type ?? 'message'), `${key}|input|${i}`);
    const type = item.type ?? (item.role !== undefined ? 'message' : 'item_reference');
    switch (type) {
      case 'message':
        return storedMessage(item, id);
      case 'item_reference':
        return referenced(String(item.id), i, store, storeFalse);
      case 'reasoning':
        return storedReasoning(item, id, i, store, storeFalse);
      case 'function_call':
        return { id, type, status: item.status ?? 'completed', arguments: item.arguments, call_id: item.call_id, name: item.name };
      case 'function_call_output':
        return { id, type, ...(item.call_id ? { call_id: item.call_id } : {}), output: item.output, status: item.status ?? 'completed' };
      default:
        return { ...item, type, id };
    }
  });
}

/** A message as the API stores it: content always a list of parts, assistant text with its (empty) annotations. */
function storedMessage(item: InputItemParam, id: string): StoredItem {
  const assistant = item.role === 'assistant';
  const parts: readonly ContentPartParam[] = typeof item.content === 'string' ? [{ type: assistant ? 'output_text' : 'input_text', text: item.content }] : (item.content ?? []);
  const content = parts.map((part) => {
    if (part.type === 'output_text') return { type: 'output_text', annotations: part.annotations ?? [], logprobs: part.logprobs ?? [], text: part.text ?? '' };
    if (part.type === 'input_image') return { ...part, detail: part.detail ?? 'auto' };
    return part;
  });
  return { id, type: 'message', status: 'completed', content, role: item.role ?? 'user', ...(item.phase ? { phase: item.phase } : {}) };
}

function referenced(id: string, index: number, store: ResponseStore, storeFalse: boolean): StoredItem {
  const item = store.item(id);
  if (!item) throw new OpenAIError('not_found', `Item with id '${id}' not found.${storeFalse ? STORE_FALSE_HINT : ''}`, { param: `input[${index}]`, code: null });
  return item;
}

/**
 * A replayed reasoning item. With `encrypted_content` the API decrypts it (and refuses an altered
 * one); without, it looks the item up by id, which fails for items of `store: false` responses.
 */
function storedReasoning(item: InputItemParam, id: string, index: number, store: ResponseStore, storeFalse: boolean): StoredItem {
  const encrypted = item.encrypted_content ?? undefined;
  if (encrypted !== undefined) {
    if (openReasoning(encrypted).kind === 'tampered') {
      const what = item.id ? `for item ${item.id}` : `${encrypted.slice(0, 4)}...${encrypted.slice(-4)}`;
      throw new OpenAIError('invalid_request', `The encrypted content ${what} could not be verified. Reason: Encrypted content could not be decrypted or parsed.`, {
        code: 'invalid_encrypted_content',
      });
    }
  } else if (item.id && !store.item(item.id)) {
    throw new OpenAIError('not_found', `Item with id '${item.id}' not found.${storeFalse ? STORE_FALSE_HINT : ''}`, { param: `input[${index}]`, code: null });
  }
  return { id, type: 'reasoning', ...(encrypted !== undefined ? { encrypted_content: encrypted } : {}), summary: item.summary ?? [] };
}

/** Checks the API makes on the whole context: each item once, each function call output answering a call. */
function checkContext(items: readonly StoredItem[]): void {
  const seen = new Set<string>();
  const calls = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      throw new OpenAIError('invalid_request', `Duplicate item found with id ${item.id}. Remove duplicate items from your input and try again.`, { param: 'input' });
    }
    seen.add(item.id);
    if (item.type === 'function_call' && typeof item.call_id === 'string') calls.add(item.call_id);
  }
  for (const item of items) {
    if (item.type === 'function_call_output' && typeof item.call_id === 'string' && !calls.has(item.call_id)) {
      throw new OpenAIError('invalid_request', `No tool call found for function call output with call_id ${item.call_id}.`, { param: 'input' });
    }
  }
}
