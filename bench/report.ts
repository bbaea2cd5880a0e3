/**
 * The bench's results: summaries per server (medians, per-pair ratios to the baseline), the
 * printed tables, and the JSON written to reports/bench.json.
 */
import type { RunSample } from './http-load.ts';
import { mib } from './memory.ts';
import { median, pairRatios, type Summary, summarize } from './stats.ts';

/** A ratio to the baseline: median of the per-pair ratios, and the pairs themselves. */
export interface Ratio {
  readonly median: number;
  readonly pairs: readonly number[];
}

/** One server of an HTTP section, summarised. */
export interface ServerReport {
  readonly label: string;
  readonly baseline: boolean;
  /** Requests/s (JSON) or completed streams/s (SSE) per run, in run order. */
  readonly runs: readonly number[];
  readonly rate: Summary;
  /** Ratio of this server's rate to the baseline's, per pair (`null` for the baseline). */
  readonly ratio: Ratio | null;
  readonly p50Ms: Summary;
  readonly p99Ms: Summary;
  /** Median server CPU / wall time (1 = one busy core) and the same for the load generator. */
  readonly serverCpu: number;
  readonly clientCpu: number;
  /** Bytes on the wire per response (headers + body), and the body alone. */
  readonly responseBytes: number;
  readonly bodyBytes: number;
  readonly rssIdleMiB: number;
  readonly rssPeakMiB: number;
}

/** What {@link summarizeServer} needs besides the runs. */
export interface ServerFacts {
  readonly label: string;
  readonly idleRss: number;
  readonly bodyBytes: number;
}

/** Summarises one server's runs; pass the baseline's runs to get its per-pair ratio. */
export function summarizeServer(facts: ServerFacts, runs: readonly RunSample[], baselineRuns?: readonly RunSample[]): ServerReport {
  const rates = runs.map((r) => r.rate);
  const pairs = baselineRuns ? pairRatios(rates, baselineRuns.map((r) => r.rate)) : undefined;
  return {
    label: facts.label,
    baseline: !baselineRuns,
    runs: rates,
    rate: summarize(rates),
    ratio: pairs ? { median: median(pairs), pairs } : null,
    p50Ms: summarize(runs.map((r) => r.p50Ms)),
    p99Ms: summarize(runs.map((r) => r.p99Ms)),
    serverCpu: median(runs.map((r) => r.serverCpu)),
    clientCpu: median(runs.map((r) => r.clientCpu)),
    responseBytes: median(runs.map((r) => r.bytesPerResponse)),
    bodyBytes: facts.bodyBytes,
    rssIdleMiB: mib(facts.idleRss),
    rssPeakMiB: mib(Math.max(...runs.map((r) => r.peakRss))),
  };
}

/** One in-process transport, per call mode. */
export interface TransportReport {
  readonly label: string;
  readonly modes: Record<string, { readonly runs: readonly number[]; readonly rate: Summary; readonly ratio: Ratio | null }>;
  readonly rssPeakMiB: number;
}

/** The whole JSON report. */
export interface BenchReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly environment: Record<string, string | number | boolean>;
  readonly options: Record<string, unknown>;
  readonly json?: { readonly unit: 'requests/s'; readonly servers: readonly ServerReport[] };
  readonly stream?: {
    readonly unit: 'streams/s';
    readonly eventsPerStream: number;
    readonly deltasPerStream: number;
    readonly servers: readonly ServerReport[];
  };
  readonly inProcess?: { readonly unit: 'requests/s'; readonly reference: string; readonly transports: readonly TransportReport[] };
}

const k = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n >= 1000 ? `${(n / 1000).toFixed(2)}k` : n.toFixed(0));
const big = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : k(n));
const x = (r: number) => `${r.toFixed(2)}x`;
const ms = (n: number) => n.toFixed(n < 1 ? 2 : n < 10 ? 1 : 0);
const range = (s: Summary, f: (n: number) => string) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const ratioCell = (r: Ratio | null) => (r ? `${x(r.median)} [${r.pairs.map((p) => p.toFixed(2)).join(' ')}]` : 'baseline');

/** A plain text table with aligned columns (Markdown-compatible). */
export function formatTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The report as printed tables. */
export function formatReport(report: BenchReport): string {
  const out: string[] = [];
  if (report.json) {
    out.push('\n## 1. Non-streaming POST /v1/messages (autocannon, keep-alive)\n');
    out.push(
      formatTable(
        ['server', 'req/s median (min–max)', 'x baseline [per pair]', 'p50 ms', 'p99 ms', 'CPU server/load', 'bytes/resp'],
        report.json.servers.map((s) => [
          s.label,
          range(s.rate, k),
          ratioCell(s.ratio),
          ms(s.p50Ms.median),
          ms(s.p99Ms.median),
          `${s.serverCpu.toFixed(2)} / ${s.clientCpu.toFixed(2)}`,
          s.responseBytes.toFixed(0),
        ]),
      ),
    );
  }
  if (report.stream) {
    const { eventsPerStream, deltasPerStream } = report.stream;
    out.push(`\n## 2. Streaming POST /v1/messages, ${eventsPerStream} events per stream (${deltasPerStream} text deltas)\n`);
    out.push(
      formatTable(
        ['server', 'streams/s median (min–max)', 'events/s', 'x baseline [per pair]', 'p50 ms', 'p99 ms', 'CPU server/load', 'bytes/stream'],
        report.stream.servers.map((s) => [
          s.label,
          range(s.rate, k),
          big(s.rate.median * eventsPerStream),
          ratioCell(s.ratio),
          ms(s.p50Ms.median),
          ms(s.p99Ms.median),
          `${s.serverCpu.toFixed(2)} / ${s.clientCpu.toFixed(2)}`,
          s.responseBytes.toFixed(0),
        ]),
      ),
    );
  }
  if (report.inProcess) {
    const modes = Object.keys(report.inProcess.transports[0]?.modes ?? {});
    out.push(`\n## 3. In-process transports, non-streaming (ratios against ${report.inProcess.reference})\n`);
    out.push(
      formatTable(
        ['transport', ...modes.flatMap((m) => [`${m} req/s median (min–max)`, `x ${report.inProcess?.reference ?? ''} [per round]`]), 'peak RSS MiB'],
        report.inProcess.transports.map((t) => [
          t.label,
          ...modes.flatMap((m) => {
            const mode = t.modes[m];
            return mode ? [range(mode.rate, k), ratioCell(mode.ratio).replace('baseline', 'reference')] : ['', ''];
          }),
          t.rssPeakMiB.toFixed(1),
        ]),
      ),
    );
  }
  const memory = memoryRows(report);
  if (memory.length > 0) {
    out.push('\n## 4. Memory of the server processes (RSS MiB; x = ratio to the bare baseline of the same section)\n');
    out.push(formatTable(['server', 'idle', 'peak, JSON load', 'peak, stream load'], memory));
  }
  return out.join('\n');
}

function memoryRows(report: BenchReport): string[][] {
  const rows = new Map<string, string[]>();
  const cell = (value: number, base: number | undefined) => (base === undefined || base === value ? value.toFixed(1) : `${value.toFixed(1)} (${x(value / base)})`);
  const add = (servers: readonly ServerReport[] | undefined, column: 1 | 2) => {
    if (!servers) return;
    const base = servers.find((s) => s.baseline);
    for (const s of servers) {
      const row = rows.get(s.label) ?? [s.label, '', '—', '—'];
      row[0] = s.label;
      // The same child serves both sections: its idle figure is taken once, against the first baseline.
      if (row[1] === '') row[1] = s.baseline ? s.rssIdleMiB.toFixed(1) : cell(s.rssIdleMiB, base?.rssIdleMiB);
      row[column + 1] = s.baseline ? s.rssPeakMiB.toFixed(1) : cell(s.rssPeakMiB, base?.rssPeakMiB);
      rows.set(s.label, row);
    }
  };
  add(report.json?.servers, 1);
  add(report.stream?.servers, 2);
  return [...rows.values()];
}
