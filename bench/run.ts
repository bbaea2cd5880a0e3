/**
 * `npm run bench`: the mock against bare node:http baselines, interleaved in one run, reported as
 * ratios (see bench/README.md). Exits 1 if any reply is wrong or any request fails, so a broken
 * mock can never print a number; 2 on bad options; 130 on Ctrl-C. Children are always killed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { canPin, type Child, installCleanup, killAllChildren, pinToCpu, startChild } from './children.ts';
import { type HttpVariant, type RunSample, runInterleaved } from './http-load.ts';
import { currentRss } from './memory.ts';
import { type BenchOptions, readOptions } from './options.ts';
import { JSON_REQUEST_BODY, REQUEST_HEADERS, splitTokens, STREAM_PROMPT, STREAM_REQUEST_BODY } from './payload.ts';
import { type Probe, probeJson, probeStream } from './probe.ts';
import { type BenchReport, formatReport, type ServerReport, summarizeServer, type TransportReport } from './report.ts';
import { median, pairRatios, summarize } from './stats.ts';
import { runTransports } from './transports.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SERVERS = join(import.meta.dirname, 'servers');
const IDLE_SETTLE_MS = 2000;

/** A started server child and its RSS once idle. */
interface Server {
  readonly label: string;
  readonly child: Child;
  readonly idleRss: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env, join(ROOT, 'reports', 'bench.json'));
  const startedAt = new Date();
  // Count CPUs before pinning: afterwards this process only sees its own.
  const cpus = os.availableParallelism();
  const pinned = options.pin && cpus >= 2 && canPin();
  if (pinned) pinToCpu(process.pid, 1);
  const environment = {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    pinned,
  };
  console.log(`# llm-conformance bench — ${startedAt.toISOString()}`);
  console.log(`Node ${environment.node} · ${environment.cpus} CPUs (${environment.cpuModel}) · ${environment.platform}`);
  console.log(
    `${options.runs} interleaved runs x ${options.seconds} s after ${options.warmupSeconds} s warm-up, ${options.connections} connections; ` +
      (pinned ? 'servers pinned to CPU 0, load generator to CPU 1' : 'no CPU pinning'),
  );
  const cpu = pinned ? 0 : undefined;
  const { sections } = options;

  const report: { -readonly [K in keyof BenchReport]: BenchReport[K] } = {
    tool: { name: 'llm-conformance bench', version: ((JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '?') },
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    environment,
    options: { seconds: options.seconds, warmupSeconds: options.warmupSeconds, runs: options.runs, connections: options.connections, sections: [...sections] },
  };

  if (sections.has('json') || sections.has('stream')) {
    const start = (label: string, script: string, args: string[] = []) =>
      startChild(label, join(SERVERS, script), args, { cpu, execArgv: options.childExecArgv });
    const stream = sections.has('stream');
    const children = await Promise.all([
      sections.has('json') ? start('bare node:http (JSON)', 'baseline-json.ts') : undefined,
      stream ? start('bare node:http (SSE)', 'baseline-sse.ts', ['fixed']) : undefined,
      stream ? start('bare SSE, encoded per request', 'baseline-sse.ts', ['per-request']) : undefined,
      start('mock (validateOutput: report)', 'mock.ts', ['report']),
      start('mock (validateOutput: off)', 'mock.ts', ['off']),
    ]);
    for (const c of children) if (c) log(`  ${c.name}: pid ${c.pid}, http://127.0.0.1:${c.port}`);
    await sleep(IDLE_SETTLE_MS);
    const idle = async (child: Child | undefined): Promise<Server | undefined> =>
      child && { label: child.name, child, idleRss: await currentRss(child) };
    const [baseJson, baseSse, encodeSse, mock, mockOff] = await Promise.all(children.map(idle));
    const mocks = [mock, mockOff].filter((s) => s !== undefined);

    if (baseJson) {
      log('\n[json] checking replies, then loading');
      report.json = { unit: 'requests/s', servers: (await httpSection('json', baseJson, mocks, options)).servers };
    }
    if (baseSse && encodeSse) {
      log('\n[stream] checking replies, then loading');
      report.stream = { unit: 'streams/s', ...(await httpSection('stream', baseSse, [encodeSse, ...mocks], options)) };
    }
    await Promise.all(children.map((c) => c?.stop()));
  }

  if (sections.has('in-process')) {
    log('\n[in-process] msw vs createFetch vs node-http, one process each');
    report.inProcess = await inProcessSection(options, cpu);
  }

  report.durationMs = Date.now() - startedAt.getTime();
  console.log(formatReport(report));
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nReport: ${relative(process.cwd(), options.out)} (${(report.durationMs / 1000).toFixed(0)} s). Ratios are per interleaved pair; see bench/README.md.`);
}

/** Probes every server of a section, runs the interleaved series, and summarises it. */
async function httpSection(kind: 'json' | 'stream', baseline: Server, subjects: readonly Server[], options: BenchOptions) {
  const all = [baseline, ...subjects];
  const probes = new Map<string, Probe>();
  for (const server of all) {
    const baseUrl = `http://127.0.0.1:${server.child.port}`;
    probes.set(server.label, kind === 'json' ? await probeJson(baseUrl, server.label) : await probeStream(baseUrl, server.label));
  }
  const baseProbe = probes.get(baseline.label);
  if (kind === 'stream') assertSameStreamShape(probes, baseProbe);

  const variants: HttpVariant[] = all.map((server) => ({
    label: server.label,
    child: server.child,
    target: {
      url: `http://127.0.0.1:${server.child.port}/v1/messages`,
      headers: REQUEST_HEADERS,
      body: kind === 'json' ? JSON_REQUEST_BODY : STREAM_REQUEST_BODY,
      expectBody: probes.get(server.label)?.body ?? '',
    },
  }));
  const unit = kind === 'json' ? 'req/s' : 'streams/s';
  const samples = await runInterleaved(variants, {
    runs: options.runs,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    onRun: (variant, round, sample) =>
      log(`  round ${round + 1}/${options.runs}  ${variant.label.padEnd(30)} ${sample.rate.toFixed(0).padStart(7)} ${unit}  p99 ${sample.p99Ms.toFixed(2)} ms`),
  });
  const runsOf = (label: string): RunSample[] => samples.get(label) ?? [];
  const reports: ServerReport[] = all.map((server) =>
    summarizeServer(
      { label: server.label, idleRss: server.idleRss, bodyBytes: probes.get(server.label)?.bodyBytes ?? 0 },
      runsOf(server.label),
      server === baseline ? undefined : runsOf(baseline.label),
    ),
  );
  return { servers: reports, eventsPerStream: baseProbe?.events ?? 0, deltasPerStream: baseProbe?.deltas ?? 0 };
}

/** The baseline SSE server must stream what the mock streams, or events/s would not compare. */
function assertSameStreamShape(probes: ReadonlyMap<string, Probe>, base: Probe | undefined): void {
  const expectedDeltas = splitTokens(STREAM_PROMPT).length;
  for (const [label, probe] of probes) {
    if (probe.deltas !== expectedDeltas || probe.events !== base?.events) {
      throw new Error(
        `${label}: ${probe.events} events with ${probe.deltas} text deltas per stream; expected ${base?.events} events and ` +
          `${expectedDeltas} deltas (one per token of the prompt). The baseline and the mock must stream the same events.`,
      );
    }
  }
}

/** Section 3: the three in-process transports, sequential and concurrent. */
async function inProcessSection(options: BenchOptions, cpu: number | undefined) {
  const names = { msw: 'msw setupServer', fetch: 'createFetch', 'node-http': 'node-http + fetch (loopback)' } as const;
  const children = await Promise.all(
    (Object.keys(names) as (keyof typeof names)[]).map((variant) =>
      startChild(names[variant], join(SERVERS, 'in-process.ts'), [variant], { cpu, execArgv: options.childExecArgv }),
    ),
  );
  const modes = [
    { label: 'sequential', concurrency: 1 },
    { label: `concurrent (${options.inProcessConcurrency})`, concurrency: options.inProcessConcurrency },
  ];
  const samples = await runTransports(children, modes, {
    runs: options.runs,
    seconds: Math.max(1, Math.round(options.seconds * (2 / 3))),
    warmupSeconds: Math.min(1, options.warmupSeconds),
    onRun: (child, mode, round, rate) => log(`  round ${round + 1}/${options.runs}  ${mode.label.padEnd(16)} ${child.name.padEnd(30)} ${rate.toFixed(0).padStart(7)} req/s`),
  });
  await Promise.all(children.map((child) => child.stop()));
  const reference = names.fetch;
  const transports: TransportReport[] = children.map((child) => ({
    label: child.name,
    rssPeakMiB: (samples.peakRss.get(child.name) ?? 0) / 1024 / 1024,
    modes: Object.fromEntries(
      modes.map((mode) => {
        const byChild = samples.rates.get(mode.label);
        const runs = byChild?.get(child.name) ?? [];
        const pairs = child.name === reference ? null : pairRatios(runs, byChild?.get(reference) ?? []);
        return [mode.label, { runs, rate: summarize(runs), ratio: pairs ? { median: median(pairs), pairs } : null }];
      }),
    ),
  }));
  return { unit: 'requests/s' as const, reference, transports };
}

installCleanup();
main().then(
  () => killAllChildren(),
  (error: unknown) => {
    killAllChildren();
    console.error(`\nbench FAILED: ${error instanceof Error ? error.message : String(error)}`);
    console.error('No numbers are reported for a run with wrong replies or failed requests.');
    process.exitCode = 1;
  },
);
