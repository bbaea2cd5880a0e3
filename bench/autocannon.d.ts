/**
 * The part of autocannon 9's programmatic API the bench uses (the package ships no types).
 *
 * @see https://github.com/mcollina/autocannon#api
 */
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds to wait for one response before counting a timeout. */
    timeout?: number;
    /** Responses whose body differs are counted in `mismatches`. */
    expectBody?: string;
  }
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }
  interface Result {
    /** Seconds actually run. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    /** Milliseconds. */
    latency: Histogram;
    /** Per-second samples; `total` = completed requests. */
    requests: Histogram & { sent: number };
    /** Bytes per second samples; `total` = bytes read. */
    throughput: Histogram;
  }
  interface Instance extends PromiseLike<Result> {
    stop(): void;
    /** Every completed response, with its latency in (fractional) milliseconds. */
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): this;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
