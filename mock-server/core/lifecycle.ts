import type { Diagnostic } from '../../specs/tooling/diagnostic.ts';

/**
 * Typed lifecycle events, so that logs, reporters and (later) the request journal listen to the
 * server instead of living inside the handlers.
 */
export interface LifecycleEvents {
  'request:start': { readonly requestId: string; readonly method: string; readonly url: string };
  'request:end': {
    readonly requestId: string;
    readonly method: string;
    readonly url: string;
    readonly status: number;
    readonly protocol: string | undefined;
    readonly operationId: string | undefined;
    readonly durationMs: number;
  };
  /** The mock's own output broke its spec: always a mock bug, never intended. */
  violation: { readonly requestId: string; readonly operationId: string; readonly diagnostics: readonly Diagnostic[] };
  /** An unexpected exception inside the mock (answered as the protocol's 500). */
  error: { readonly requestId: string; readonly error: unknown };
}

type Listener<T> = (payload: T) => void;

/** A minimal typed event emitter (no Node `events` dependency, so it runs under msw in browsers). */
export class LifecycleEmitter {
  readonly #listeners = new Map<keyof LifecycleEvents, Set<Listener<never>>>();

  on<K extends keyof LifecycleEvents>(type: K, listener: Listener<LifecycleEvents[K]>): () => void {
    let set = this.#listeners.get(type);
    if (!set) {
      set = new Set();
      this.#listeners.set(type, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Whether anyone listens: lets the hot path skip building payloads nobody reads. */
  has(type: keyof LifecycleEvents): boolean {
    return (this.#listeners.get(type)?.size ?? 0) > 0;
  }

  emit<K extends keyof LifecycleEvents>(type: K, payload: LifecycleEvents[K]): void {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const listener of set) (listener as Listener<LifecycleEvents[K]>)(payload);
  }
}
