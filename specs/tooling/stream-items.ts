import { type Diagnostic, diagnostic } from './diagnostic.ts';
// A cycle with stream-grammar.ts, harmless: `readPath` is a hoisted function used only at call time.
import { readPath } from './stream-grammar.ts';

/**
 * Rules for sub-streams that interleave inside events, each item naming its own index: OpenAI's
 * `choices[]` (one sub-stream per `n`), a choice's `delta.tool_calls[]` (one per tool call),
 * Gemini's `candidates[]`. Unlike Anthropic's blocks there are no open/close events: an index
 * opens with its first item and ends with a non-null `endField`.
 */
export interface ItemRules {
  /** Dotted path, in the event data, of the item list (`choices`); events without it are skipped. */
  readonly list: string;
  /** Field of each item that carries its index (`index`). */
  readonly indexField: string;
  /** A new index must be the next unused one (0, 1, 2…); items of open indices may interleave. */
  readonly ordered: boolean;
  /** Dotted paths the first item of an index must carry (`delta.role`). */
  readonly firstRequires?: readonly string[];
  /** Dotted paths that, when a later item repeats them, must keep their first value (`id`, `function.name`). */
  readonly stable?: readonly string[];
  /** Dotted path whose non-null value ends the index (`finish_reason`): nothing for it may follow. */
  readonly endField?: string;
  /** Every opened index must have ended when the stream completes. */
  readonly mustEnd?: boolean;
  /** Rules for the items nested in each item, tracked per parent index (`delta.tool_calls`). */
  readonly nested?: ItemRules;
}

interface IndexState {
  ended: boolean;
  readonly firstValues: ReadonlyMap<string, unknown>;
  readonly nested: ItemTracker | undefined;
}

/**
 * Tracks the indices of one item list through a stream. `label` names the list in messages
 * (`choice`, `choice 0 tool call`).
 */
export class ItemTracker {
  readonly #rules: ItemRules;
  readonly #label: string;
  readonly #indices = new Map<number, IndexState>();

  constructor(rules: ItemRules, label = singular(rules.list)) {
    this.#rules = rules;
    this.#label = label;
  }

  /** Checks the items of one event's data; `at` is the event's JSON Pointer. */
  accept(data: unknown, at: string, out: Diagnostic[]): void {
    const list = readPath(data, this.#rules.list);
    if (!Array.isArray(list)) return;
    const listAt = `${at}/${this.#rules.list.replace(/\./g, '/')}`;
    list.forEach((item, i) => this.#acceptItem(item, `${listAt}/${i}`, out));
  }

  /** Reports every index that never ended (call once the stream completed normally). */
  finish(out: Diagnostic[]): void {
    for (const [index, state] of this.#indices) {
      if (this.#rules.mustEnd && !state.ended) {
        out.push(diagnostic('/events', 'grammar.item-unfinished', `${this.#label} ${index} never ended (no ${this.#rules.endField ?? 'end'})`));
      }
      state.nested?.finish(out);
    }
  }

  #acceptItem(item: unknown, at: string, out: Diagnostic[]): void {
    const r = this.#rules;
    const index = readPath(item, r.indexField);
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      out.push(diagnostic(`${at}/${r.indexField}`, 'grammar.item-index', `${this.#label} item has no integer ${r.indexField}`));
      return;
    }
    let state = this.#indices.get(index);
    if (state?.ended) {
      out.push(diagnostic(at, 'grammar.item-ended', `${this.#label} ${index} continues after its ${r.endField ?? 'end'}`));
      return;
    }
    if (!state) {
      state = this.#open(item, index, at, out);
    } else {
      for (const path of r.stable ?? []) {
        const [first, value] = [state.firstValues.get(path), readPath(item, path)];
        if (first !== undefined && value !== undefined && first !== value) {
          out.push(diagnostic(at, 'grammar.item-changed', `${this.#label} ${index} changed its ${path} from ${JSON.stringify(first)} to ${JSON.stringify(value)}`));
        }
      }
    }
    state.nested?.accept(item, at, out);
    const end = r.endField === undefined ? undefined : readPath(item, r.endField);
    if (end !== undefined && end !== null) state.ended = true;
  }

  #open(item: unknown, index: number, at: string, out: Diagnostic[]): IndexState {
    const r = this.#rules;
    if (r.ordered && index !== this.#indices.size) {
      out.push(diagnostic(at, 'grammar.item-index', `${this.#label} ${index} opened before ${this.#label} ${this.#indices.size}`));
    }
    for (const path of r.firstRequires ?? []) {
      if (readPath(item, path) === undefined) {
        out.push(diagnostic(at, 'grammar.item-first', `the first item of ${this.#label} ${index} has no ${path}`));
      }
    }
    const state: IndexState = {
      ended: false,
      firstValues: new Map((r.stable ?? []).map((path) => [path, readPath(item, path)])),
      nested: r.nested ? new ItemTracker(r.nested, `${this.#label} ${index} ${singular(r.nested.list)}`) : undefined,
    };
    this.#indices.set(index, state);
    return state;
  }
}

/** `delta.tool_calls` → `tool call`: how a list's item is named in messages. */
function singular(path: string): string {
  return (path.split('.').pop() ?? path).replace(/_/g, ' ').replace(/s$/, '');
}
