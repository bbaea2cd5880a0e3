import { type Diagnostic, diagnostic } from './diagnostic.ts';
import { type ItemRules, ItemTracker } from './stream-items.ts';

/**
 * A protocol's stream grammar as data: which events exist, in which order they may come, and how
 * indexed sub-streams (Anthropic content blocks) open, grow and close. The same object drives the
 * mock (it checks its own output) and the suites (they check a target's output).
 */
export interface StreamGrammar {
  readonly protocol: string;
  /** Every event type the protocol defines, spelled as on the wire (`data.type`). */
  readonly events: readonly string[];
  /** Keep-alive events: allowed in every state but the final ones, without changing state. */
  readonly keepAlive: readonly string[];
  /** An in-band error event that may end the stream from any non-final state. */
  readonly terminalError?: string;
  /** Sub-streams interleaved inside events, each item naming its index (OpenAI `choices[]` and their `tool_calls[]`). */
  readonly items?: ItemRules;
  readonly initial: string;
  /** States in which the stream may end. */
  readonly final: readonly string[];
  /** state → event type → next state. An event missing here is out of order. */
  readonly transitions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly blocks?: BlockRules;
}

/** Rules for indexed sub-streams such as Anthropic content blocks. */
export interface BlockRules {
  /** Field (dotted path in the event data) that carries the block index. */
  readonly indexField: string;
  readonly open: string;
  readonly delta: string;
  readonly close: string;
  /** Dotted path, in the `open` event, of the block's type. */
  readonly blockTypeField: string;
  /** Dotted path, in the `delta` event, of the delta's type. */
  readonly deltaTypeField: string;
  /** block type → delta types it may receive. A block type missing here may receive any delta. */
  readonly deltaTypes: Readonly<Record<string, readonly string[]>>;
}

/** One decoded stream event: its type (from `data.type`) and the parsed data. */
export interface GrammarEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Checks a sequence of events against a grammar. Returns every violation (order, block indices,
 * delta kinds, incomplete stream), each pointing at `/events/<n>`.
 */
export function checkStreamGrammar(grammar: StreamGrammar, events: readonly GrammarEvent[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const items = grammar.items ? new ItemTracker(grammar.items) : undefined;
  let failed = false;
  let state = grammar.initial;
  let ended = false;
  const blocks = grammar.blocks ? new BlockTracker(grammar.blocks) : undefined;

  events.forEach((event, i) => {
    const at = `/events/${i}`;
    if (ended) {
      out.push(diagnostic(at, 'grammar.after-end', `event '${event.type}' after the stream ended`));
      return;
    }
    if (!grammar.events.includes(event.type)) {
      out.push(diagnostic(at, 'grammar.unknown-event', `unknown event type '${event.type}'`));
      return;
    }
    const final = grammar.final.includes(state);
    if (grammar.keepAlive.includes(event.type) && !final) return;
    if (event.type === grammar.terminalError && !final) {
      ended = true;
      failed = true;
      return;
    }
    const next = grammar.transitions[state]?.[event.type];
    if (next === undefined) {
      out.push(diagnostic(at, 'grammar.order', `event '${event.type}' is not allowed in state '${state}'`));
      if (final) ended = true;
      return;
    }
    blocks?.accept(event, at, out);
    state = next;
    if (grammar.final.includes(state) && Object.keys(grammar.transitions[state] ?? {}).length === 0) ended = true;
    items?.accept(event.data, at, out);
  });

  if (!ended && !grammar.final.includes(state)) {
    out.push(diagnostic('/events', 'grammar.incomplete', `stream ended in state '${state}' without a final event`));
  } else if (!failed) {
    // An in-band error may cut sub-streams short; a stream that completed must have ended them.
    items?.finish(out);
  }
  return out;
}

class BlockTracker {
  readonly #rules: BlockRules;
  #opened = 0;
  #openIndex: number | undefined;
  #openType: string | undefined;
  readonly #closed = new Set<number>();

  constructor(rules: BlockRules) {
    this.#rules = rules;
  }

  accept(event: GrammarEvent, at: string, out: Diagnostic[]): void {
    const r = this.#rules;
    if (event.type !== r.open && event.type !== r.delta && event.type !== r.close) return;
    const index = readPath(event.data, r.indexField);
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      out.push(diagnostic(`${at}/${r.indexField.replace(/\./g, '/')}`, 'grammar.block-index', `'${event.type}' has no integer ${r.indexField}`));
      return;
    }
    if (event.type === r.open) {
      if (index !== this.#opened) {
        out.push(diagnostic(at, 'grammar.block-index', `block opened with index ${index}, expected ${this.#opened}`));
      }
      this.#opened = Math.max(this.#opened, index + 1);
      this.#openIndex = index;
      const type = readPath(event.data, r.blockTypeField);
      this.#openType = typeof type === 'string' ? type : undefined;
      return;
    }
    if (this.#closed.has(index)) {
      out.push(diagnostic(at, 'grammar.block-closed', `'${event.type}' for block ${index}, which is already closed`));
      return;
    }
    if (index !== this.#openIndex) {
      out.push(diagnostic(at, 'grammar.block-index', `'${event.type}' for block ${index}, but the open block is ${String(this.#openIndex)}`));
      return;
    }
    if (event.type === r.delta) {
      this.#checkDeltaType(event, at, out);
      return;
    }
    this.#closed.add(index);
    this.#openIndex = undefined;
  }

  #checkDeltaType(event: GrammarEvent, at: string, out: Diagnostic[]): void {
    const allowed = this.#openType === undefined ? undefined : this.#rules.deltaTypes[this.#openType];
    if (!allowed) return;
    const deltaType = readPath(event.data, this.#rules.deltaTypeField);
    if (typeof deltaType !== 'string' || !allowed.includes(deltaType)) {
      out.push(
        diagnostic(at, 'grammar.delta-type', `delta '${String(deltaType)}' is not allowed in a '${this.#openType}' block (allowed: ${allowed.join(', ')})`),
      );
    }
  }
}

/** Reads a dotted path (`content_block.type`) from a parsed JSON value. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
