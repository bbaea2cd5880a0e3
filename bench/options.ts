/**
 * Bench settings from flags (`npm run bench -- --seconds 10`) or environment (`BENCH_SECONDS=10`).
 * Defaults keep the whole bench near 2 minutes on a 2-core machine.
 */
import { parseArgs } from 'node:util';

/** Every setting of a bench run. */
export interface BenchOptions {
  /** Seconds per measured run. */
  readonly seconds: number;
  /** Seconds of discarded load per server before its first run. */
  readonly warmupSeconds: number;
  /** Measured runs per server (interleaved rounds); at least 3. */
  readonly runs: number;
  /** Keep-alive connections of the HTTP load. */
  readonly connections: number;
  /** Concurrent callers of the in-process `concurrent` mode. */
  readonly inProcessConcurrency: number;
  /** Sections to run: `json`, `stream`, `in-process`. */
  readonly sections: ReadonlySet<string>;
  /** Pin servers to CPU 0 and the load generator to CPU 1 (when `taskset` exists and there are 2+ CPUs). */
  readonly pin: boolean;
  /** Extra node flags for server children, e.g. `--cpu-prof --cpu-prof-dir=reports/prof`. */
  readonly childExecArgv: readonly string[];
  /** Where the JSON report goes. */
  readonly out: string;
}

/** All sections, in the order they run. */
export const SECTIONS = ['json', 'stream', 'in-process'] as const;

const HELP = `Usage: npm run bench -- [options]
  --seconds N       seconds per measured run (BENCH_SECONDS, default 2)
  --warmup N        warm-up seconds per server (BENCH_WARMUP, default 2)
  --runs N          interleaved rounds, >= 3 (BENCH_RUNS, default 5)
  --connections N   HTTP connections (BENCH_CONNECTIONS, default 50)
  --only LIST       sections: ${SECTIONS.join(',')} (BENCH_ONLY, default all)
  --no-pin          do not pin processes to CPUs (BENCH_PIN=0)
  --out FILE        JSON report (BENCH_OUT, default reports/bench.json)
  Node flags for server children: BENCH_CHILD_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=reports/prof"
Longer, steadier runs: npm run bench -- --seconds 10 --runs 5 --warmup 3`;

/** Parses argv and the environment; exits 2 with usage on a bad value. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaultOut: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      runs: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      'no-pin': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) usage(0);
  const num = (flag: string | undefined, name: string, fallback: number, min: number) => {
    const raw = flag ?? env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min) usage(2, `${name.replace('BENCH_', '').toLowerCase()} must be a number >= ${min}, got ${raw}`);
    return value;
  };
  const only = (values.only ?? env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) usage(2, `unknown section(s): ${unknown.join(', ')}`);
  return {
    seconds: num(values.seconds, 'BENCH_SECONDS', 2, 1),
    warmupSeconds: num(values.warmup, 'BENCH_WARMUP', 2, 0),
    runs: Math.round(num(values.runs, 'BENCH_RUNS', 5, 3)),
    connections: Math.round(num(values.connections, 'BENCH_CONNECTIONS', 50, 1)),
    inProcessConcurrency: 50,
    sections: new Set(only),
    pin: !values['no-pin'] && env.BENCH_PIN !== '0',
    childExecArgv: (env.BENCH_CHILD_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean),
    out: values.out ?? env.BENCH_OUT ?? defaultOut,
  };
}

function usage(code: number, error?: string): never {
  if (error) console.error(`bench: ${error}`);
  (code === 0 ? console.log : console.error)(HELP);
  process.exit(code);
}
