/**
 * Interleaved load series over HTTP: every round runs each server once, in the same order, so
 * each subject run has a baseline run minutes (not hours) away. Records rate, latency, CPU of
 * the server and of the load generator, and the server's peak RSS.
 */
import type { Child } from './children.ts';
import { type LoadRun, type LoadTarget, runLoad } from './load.ts';
import { sampleRss } from './memory.ts';

/** One server under test and how to load it. */
export interface HttpVariant {
  readonly label: string;
  readonly child: Child;
  readonly target: LoadTarget;
}

/** One measured run, plus where the CPU went. */
export interface RunSample extends LoadRun {
  /** Server process CPU time / wall time (1 = one core busy; the softirq time of loopback is not in it). */
  readonly serverCpu: number;
  /** Load generator (this process) CPU time / wall time. */
  readonly clientCpu: number;
  readonly peakRss: number;
}

/** Options of {@link runInterleaved}. */
export interface SeriesOptions {
  readonly runs: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Called after each measured run (progress output). */
  readonly onRun?: (variant: HttpVariant, round: number, sample: RunSample) => void;
}

/** Warms every variant up, then runs `runs` rounds of one run per variant; samples by variant label. */
export async function runInterleaved(variants: readonly HttpVariant[], options: SeriesOptions): Promise<Map<string, RunSample[]>> {
  const samples = new Map<string, RunSample[]>(variants.map((v) => [v.label, []]));
  if (options.warmupSeconds > 0) {
    for (const variant of variants) await measure(variant, options.connections, options.warmupSeconds);
  }
  for (let round = 0; round < options.runs; round++) {
    for (const variant of variants) {
      const sample = await measure(variant, options.connections, options.seconds);
      samples.get(variant.label)?.push(sample);
      options.onRun?.(variant, round, sample);
    }
  }
  return samples;
}

async function measure(variant: HttpVariant, connections: number, seconds: number): Promise<RunSample> {
  const { child } = variant;
  child.assertHealthy();
  const serverBefore = await child.request({ type: 'stats' }, 'stats');
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const stopSampling = sampleRss(child);
  const run = await runLoad(variant.target, connections, seconds);
  const peakRss = await stopSampling();
  const wallMicros = (performance.now() - started) * 1000;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = await child.request({ type: 'stats' }, 'stats');
  child.assertHealthy();
  return {
    ...run,
    serverCpu: (serverAfter.cpuMicros - serverBefore.cpuMicros) / wallMicros,
    clientCpu: (client.user + client.system) / wallMicros,
    peakRss,
  };
}
