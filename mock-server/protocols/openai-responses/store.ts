import type { MockState } from '../../core/state.ts';
import { stateKey } from '../../core/state.ts';
import type { StoredItem } from './wire-types.ts';

/** Where a background response stands; each poll (GET) moves it one step towards `done`. */
export type BackgroundStage = 'queued' | 'in_progress' | 'done' | 'cancelled';

/** A response the server remembers (`store: true`, the default). */
export interface StoredResponse {
  /** The Response in its final state (completed or incomplete). */
  readonly response: ResponseObject;
  /** The context inherited through `previous_response_id`: that response's context, input and output. */
  readonly previous: readonly StoredItem[];
  /** This request's input items, with ids. */
  readonly input: readonly StoredItem[];
  /** Background responses only: where it stands. Absent: it finished with the request. */
  readonly stage?: BackgroundStage;
  /** Stream options the stream replay (`GET …?stream=true`) reproduces. */
  readonly obfuscation: boolean;
  readonly logprobs: boolean;
}

/** The Response object as the mock builds it (validated against `response.json` on the way out). */
export interface ResponseObject {
  readonly id: string;
  readonly status: string;
  readonly output: readonly StoredItem[];
  readonly [key: string]: unknown;
}

const RESPONSE = stateKey<StoredResponse>('openai-responses/response');
/** Item id → id of the stored response that holds it (input or output), for `item_reference`. */
const ITEM = stateKey<string>('openai-responses/item');

/** Input items of a response are referable by id when it has at most this many. */
export const INDEXED_INPUT_ITEMS = 64;

// Each stored response keeps a reference to its predecessor's items, not a copy: the weight counts
// its own items plus a pointer per inherited one.
const POINTER_BYTES = 8;

/**
 * The stored responses of one server, kept in its bounded `MockState` (least recently used
 * forgotten first, by count and by size): a forgotten id answers 404, as an expired one does.
 *
 * @see https://platform.openai.com/docs/guides/conversation-state
 */
export class ResponseStore {
  readonly #state: MockState;

  constructor(state: MockState) {
    this.#state = state;
  }

  get(id: string): StoredResponse | undefined {
    return this.#state.get(RESPONSE, id);
  }

  /**
   * Stores a response and indexes its items by id: every output item (what clients reference),
   * and the input items of a short input only, so that one request with thousands of items cannot
   * flush the whole (entry-bounded) state. The response goes in last, as the most recent entry.
   */
  put(record: StoredResponse): void {
    const indexed = record.input.length <= INDEXED_INPUT_ITEMS ? [...record.input, ...record.response.output] : record.response.output;
    for (const item of indexed) this.#state.put(ITEM, item.id, record.response.id);
    this.#state.put(RESPONSE, record.response.id, record, weightOf(record));
  }

  /** Replaces a stored response (a background stage moved on) without re-indexing its items. */
  update(record: StoredResponse): void {
    if (this.#state.get(RESPONSE, record.response.id)) this.#state.put(RESPONSE, record.response.id, record, weightOf(record));
  }

  delete(id: string): boolean {
    return this.#state.delete(RESPONSE, id);
  }

  /** A stored item by id (from any stored response's input or output), if its response is still held. */
  item(id: string): StoredItem | undefined {
    const responseId = this.#state.get(ITEM, id);
    const record = responseId === undefined ? undefined : this.#state.get(RESPONSE, responseId);
    if (!record) return undefined;
    return [...record.input, ...record.response.output].find((item) => item.id === id);
  }
}

/** Estimated bytes of a stored response: its own items and fields, a pointer per inherited item. */
function weightOf(record: StoredResponse): number {
  return JSON.stringify(record.input).length + JSON.stringify(record.response).length + record.previous.length * POINTER_BYTES;
}

/** Everything a stored response hands on to the next one: its context, input and output. */
export function contextOf(record: StoredResponse): StoredItem[] {
  return [...record.previous, ...record.input, ...record.response.output];
}

/**
 * A stored response as GET shows it now: final once done, else its background stage with nothing
 * generated yet (`output: []`, `usage: null`).
 *
 * @see https://platform.openai.com/docs/guides/background
 */
export function responseView(record: StoredResponse): ResponseObject {
  if (record.stage === undefined || record.stage === 'done') return record.response;
  return { ...record.response, status: record.stage, completed_at: null, incomplete_details: null, output: [], usage: null };
}
