/**
 * One load run against a server over HTTP with autocannon, checked: any socket error, timeout,
 * non-2xx status or body that differs from the probed reply makes the run throw, so a broken
 * server can never produce a number.
 */
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

/** What to send and what every reply must be. */
export interface LoadTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The exact body every response must carry (the probe's reply; the servers are deterministic). */
  readonly expectBody: string;
}

/** The measurements of one run. */
export interface LoadRun {
  /** Completed requests (or streams) per second. */
  readonly rate: number;
  readonly completed: number;
  readonly seconds: number;
  /** Latency to the end of the response, in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Bytes read per response (headers + body). */
  readonly bytesPerResponse: number;
}

/** Runs `connections` keep-alive connections against `target` for `seconds`. */
export async function runLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadRun> {
  const instance = autocannon({
    url: target.url,
    method: 'POST',
    headers: { ...target.headers },
    body: target.body,
    connections,
    duration: seconds,
    timeout: 10,
    expectBody: target.expectBody,
  });
  // autocannon's own histogram keeps whole milliseconds; these servers answer in fractions of one.
  const latencies = new LatencyLog();
  instance.on('response', (_client, _status, _bytes, ms) => latencies.add(ms));
  const result = await instance;
  const sorted = latencies.sorted();
  const problems = [
    result.errors > 0 ? `${result.errors} socket errors` : '',
    result.timeouts > 0 ? `${result.timeouts} timeouts` : '',
    result.non2xx > 0 ? `${result.non2xx} non-2xx responses` : '',
    result.mismatches > 0 ? `${result.mismatches} responses whose body differs from the checked reply` : '',
    result.requests.total === 0 ? 'no completed request' : '',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`load on ${target.url}: ${problems.join(', ')}`);
  return {
    rate: result.requests.total / result.duration,
    completed: result.requests.total,
    seconds: result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    bytesPerResponse: result.throughput.total / result.requests.total,
  };
}

/** Response times in a growable typed array (no per-sample object). */
class LatencyLog {
  #values = new Float64Array(1 << 16);
  #size = 0;

  add(ms: number): void {
    if (this.#size === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.#size++] = ms;
  }

  sorted(): Float64Array {
    return this.#values.slice(0, this.#size).sort();
  }
}
