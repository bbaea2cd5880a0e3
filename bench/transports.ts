/**
 * In-process transports compared (msw vs createFetch vs node-http in one process): the parent
 * tells each transport child in turn to run for a while, interleaved like the HTTP series.
 */
import type { Child } from './children.ts';
import { sampleRss } from './memory.ts';

/** How many callers run at once: 1 (one await at a time) or many. */
export interface CallMode {
  readonly label: string;
  readonly concurrency: number;
}

/** Options of {@link runTransports}. */
export interface TransportOptions {
  readonly runs: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly onRun?: (child: Child, mode: CallMode, round: number, rate: number) => void;
}

/** Requests/s by `mode label` → child name → runs, and each child's peak RSS. */
export interface TransportSamples {
  readonly rates: Map<string, Map<string, number[]>>;
  readonly peakRss: Map<string, number>;
}

/** Runs every mode: warm-up per child, then `runs` interleaved rounds. */
export async function runTransports(children: readonly Child[], modes: readonly CallMode[], options: TransportOptions): Promise<TransportSamples> {
  const rates = new Map<string, Map<string, number[]>>();
  const peakRss = new Map<string, number>(children.map((c) => [c.name, 0]));
  const once = async (child: Child, mode: CallMode, seconds: number) => {
    const stop = sampleRss(child);
    const result = await child.request({ type: 'run', durationMs: seconds * 1000, concurrency: mode.concurrency }, 'result');
    peakRss.set(child.name, Math.max(peakRss.get(child.name) ?? 0, await stop()));
    child.assertHealthy();
    return result.requests / (result.elapsedMs / 1000);
  };
  for (const mode of modes) {
    const byChild = new Map<string, number[]>(children.map((c) => [c.name, []]));
    rates.set(mode.label, byChild);
    if (options.warmupSeconds > 0) for (const child of children) await once(child, mode, options.warmupSeconds);
    for (let round = 0; round < options.runs; round++) {
      for (const child of children) {
        const rate = await once(child, mode, options.seconds);
        byChild.get(child.name)?.push(rate);
        options.onRun?.(child, mode, round, rate);
      }
    }
  }
  return { rates, peakRss };
}
