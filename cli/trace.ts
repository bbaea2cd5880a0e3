import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExchangeRecord } from '../suites/harness/recorder.ts';

/** Where `--trace DIR` writes: one JSON file per exchange, in the order they ended. */
export interface TraceWriter {
  /** The `onExchange` of a protocol's target. */
  record(protocol: string, record: ExchangeRecord): void;
  /** Resolves when every file is written; returns how many. */
  flush(): Promise<number>;
}

/**
 * Writes every exchange of the run (raw probes, SDK calls, preflight) to `dir`, each redacted by
 * `redact` after it is serialised: `0001-anthropic-messages-POST-v1-messages.json` holds the
 * request (headers masked, body), the status, the response headers and up to 256 KiB of the body.
 */
export async function createTraceWriter(dir: string, redact: (text: string) => string): Promise<TraceWriter> {
  await mkdir(dir, { recursive: true });
  let seq = 0;
  const pending: Promise<void>[] = [];
  return {
    record(protocol, record) {
      const n = String(++seq).padStart(4, '0');
      const file = join(dir, `${n}-${protocol}-${record.method}-${slug(record.url)}.json`);
      pending.push(writeFile(file, `${redact(JSON.stringify({ protocol, ...record }, null, 2))}\n`));
    },
    async flush() {
      await Promise.all(pending);
      return seq;
    },
  };
}

function slug(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // keep the raw text
  }
  return path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'root';
}
