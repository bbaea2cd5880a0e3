import { type Diagnostic, diagnostic } from './diagnostic.ts';

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
  readonly initial: string;
  /** States in which the stream may end. */
  readonly final: readonly string[];
  /** state → event type → next state. An event missing here is out of order. */
  readonly transitions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly blocks?: BlockRules;
  /**
   * Further indexed sub-streams, each checked like `blocks` and independently of it (OpenAI
   * Responses: output items, the content parts of a message, the summary parts of a reasoning item).
   */
  readonly subStreams?: readonly BlockRules[];
  /** A counter every event carries (OpenAI Responses `sequence_number`). */
  readonly sequence?: SequenceRule;
}

/** Every event carries an integer at `field`: `start` on the first event, then one more on each. */
export interface SequenceRule {
  /** Dotted path of the counter in the event data. */
  readonly field: string;
  readonly start: number;
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
  /**
   * More event types that belong to an open block, besides `delta` (checked like it: the block
   * must be open, and `deltaTypes` may restrict them per block type).
   */
  readonly deltaEvents?: readonly string[];
  /** Several blocks may be open at once (each still opens at the next index). Default: one at a time. */
  readonly concurrent?: boolean;
  /**
   * Dotted path of a field naming the enclosing block (`output_index`): indices count from 0
   * again within each value, and each enclosing block has its own open block.
   */
  readonly scopeField?: string;
  /** The event type that closes the enclosing block: a block of that scope still open then is reported. */
  readonly scopeClose?: string;
  /**
   * The block's identity: the open event announces it at `announced` (`item.id`); every later
   * event of the block that carries `carried` (`item_id`), and the close event at `announced`,
   * must repeat it. A block whose open event announces none is not checked.
   */
  readonly identity?: { readonly announced: string; readonly carried: string };
  /** Event types before which every block must be closed (`response.completed`). */
  readonly closeBefore?: readonly string[];
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
  let state = grammar.initial;
  let ended = false;
  const trackers = [grammar.blocks, ...(grammar.subStreams ?? [])].filter((r) => r !== undefined).map((r) => new BlockTracker(r));
  const sequence = grammar.sequence ? new SequenceTracker(grammar.sequence) : undefined;

  events.forEach((event, i) => {
    const at = `/events/${i}`;
    if (ended) {
      out.push(diagnostic(at, 'grammar.after-end', `event '${event.type}' after the stream ended`));
      return;
    }
    sequence?.accept(event, at, out);
    if (!grammar.events.includes(event.type)) {
      out.push(diagnostic(at, 'grammar.unknown-event', `unknown event type '${event.type}'`));
      return;
    }
    const final = grammar.final.includes(state);
    if (grammar.keepAlive.includes(event.type) && !final) return;
    if (event.type === grammar.terminalError && !final) {
      ended = true;
      return;
    }
    const next = grammar.transitions[state]?.[event.type];
    if (next === undefined) {
      out.push(diagnostic(at, 'grammar.order', `event '${event.type}' is not allowed in state '${state}'`));
      if (final) ended = true;
      return;
    }
    for (const tracker of trackers) tracker.accept(event, at, out);
    state = next;
    if (grammar.final.includes(state) && Object.keys(grammar.transitions[state] ?? {}).length === 0) ended = true;
  });

  if (!ended && !grammar.final.includes(state)) {
    out.push(diagnostic('/events', 'grammar.incomplete', `stream ended in state '${state}' without a final event`));
  }
  return out;
}

/** The per-scope state of one kind of block: how many opened, which are open, which closed. */
interface BlockScope {
  opened: number;
  /** Open blocks by index: their type and announced identity. */
  readonly open: Map<number, { readonly type: string | undefined; readonly id: unknown }>;
  readonly closed: Set<number>;
}

class BlockTracker {
  readonly #rules: BlockRules;
  readonly #members: ReadonlySet<string>;
  readonly #scopes = new Map<string, BlockScope>();

  constructor(rules: BlockRules) {
    this.#rules = rules;
    this.#members = new Set([rules.delta, ...(rules.deltaEvents ?? [])]);
  }

  accept(event: GrammarEvent, at: string, out: Diagnostic[]): void {
    const r = this.#rules;
    if (r.closeBefore?.includes(event.type)) this.#reportOpen(undefined, at, `before '${event.type}'`, out);
    if (r.scopeClose === event.type && r.scopeField) this.#reportOpen(String(readPath(event.data, r.scopeField)), at, `when its '${r.scopeClose}' came`, out);
    const member = this.#members.has(event.type);
    if (event.type !== r.open && !member && event.type !== r.close) return;
    const index = readPath(event.data, r.indexField);
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      out.push(diagnostic(`${at}/${r.indexField.replace(/\./g, '/')}`, 'grammar.block-index', `'${event.type}' has no integer ${r.indexField}`));
      return;
    }
    const scope = this.#scope(r.scopeField === undefined ? '' : String(readPath(event.data, r.scopeField)));
    if (event.type === r.open) {
      this.#open(scope, index, event, at, out);
      return;
    }
    if (scope.closed.has(index)) {
      out.push(diagnostic(at, 'grammar.block-closed', `'${event.type}' for block ${index}, which is already closed`));
      return;
    }
    const block = scope.open.get(index);
    if (!block) {
      const open = r.concurrent ? 'which is not open' : `but the open block is ${String([...scope.open.keys()][0])}`;
      out.push(diagnostic(at, 'grammar.block-index', `'${event.type}' for block ${index}, ${open}`));
      return;
    }
    this.#checkIdentity(block.id, event, member, at, out);
    if (member) {
      this.#checkDeltaType(block.type, event, at, out);
      return;
    }
    scope.closed.add(index);
    scope.open.delete(index);
  }

  #scope(key: string): BlockScope {
    let scope = this.#scopes.get(key);
    if (!scope) {
      scope = { opened: 0, open: new Map(), closed: new Set() };
      this.#scopes.set(key, scope);
    }
    return scope;
  }

  #open(scope: BlockScope, index: number, event: GrammarEvent, at: string, out: Diagnostic[]): void {
    const r = this.#rules;
    if (index !== scope.opened) {
      out.push(diagnostic(at, 'grammar.block-index', `block opened with index ${index}, expected ${scope.opened}`));
    }
    scope.opened = Math.max(scope.opened, index + 1);
    // One block at a time: opening the next abandons the previous one (the state machine reports it).
    if (!r.concurrent) scope.open.clear();
    const type = readPath(event.data, r.blockTypeField);
    scope.open.set(index, { type: typeof type === 'string' ? type : undefined, id: r.identity ? readPath(event.data, r.identity.announced) : undefined });
  }

  #checkIdentity(id: unknown, event: GrammarEvent, member: boolean, at: string, out: Diagnostic[]): void {
    const identity = this.#rules.identity;
    if (!identity || id === undefined) return;
    const path = member ? identity.carried : identity.announced;
    const repeated = readPath(event.data, path);
    if (repeated !== undefined && repeated !== id) {
      out.push(
        diagnostic(`${at}/${path.replace(/\./g, '/')}`, 'grammar.block-identity', `'${event.type}' names ${JSON.stringify(repeated)}, but the block was announced as ${JSON.stringify(id)}`),
      );
    }
  }

  #checkDeltaType(blockType: string | undefined, event: GrammarEvent, at: string, out: Diagnostic[]): void {
    const allowed = blockType === undefined ? undefined : this.#rules.deltaTypes[blockType];
    if (!allowed) return;
    const deltaType = readPath(event.data, this.#rules.deltaTypeField);
    if (typeof deltaType !== 'string' || !allowed.includes(deltaType)) {
      out.push(diagnostic(at, 'grammar.delta-type', `delta '${String(deltaType)}' is not allowed in a '${blockType}' block (allowed: ${allowed.join(', ')})`));
    }
  }

  /** Reports the blocks still open, in one scope (`key`) or in all of them. */
  #reportOpen(key: string | undefined, at: string, when: string, out: Diagnostic[]): void {
    for (const [scopeKey, scope] of this.#scopes) {
      if (key !== undefined && scopeKey !== key) continue;
      for (const index of scope.open.keys()) {
        const where = scopeKey === '' ? '' : ` of ${this.#rules.scopeField ?? 'scope'} ${scopeKey}`;
        out.push(diagnostic(at, 'grammar.block-unclosed', `block ${index}${where} ('${this.#rules.open}') is still open ${when}`));
      }
    }
  }
}

/** Checks that every event carries the next value of the grammar's counter. */
class SequenceTracker {
  readonly #rule: SequenceRule;
  #expected: number;

  constructor(rule: SequenceRule) {
    this.#rule = rule;
    this.#expected = rule.start;
  }

  accept(event: GrammarEvent, at: string, out: Diagnostic[]): void {
    const { field } = this.#rule;
    const value = readPath(event.data, field);
    const pointer = `${at}/${field.replace(/\./g, '/')}`;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      out.push(diagnostic(pointer, 'grammar.sequence', `'${event.type}' has no integer ${field} (expected ${this.#expected})`));
      this.#expected++;
      return;
    }
    if (value !== this.#expected) {
      out.push(diagnostic(pointer, 'grammar.sequence', `'${event.type}' has ${field} ${value}, expected ${this.#expected}`));
    }
    // Resynchronise on the value received, so one gap is one finding, not one per later event.
    this.#expected = value + 1;
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
