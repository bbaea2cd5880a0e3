import type { ExchangeRecord } from './recorder.ts';

/** What a hint rule sees of a failure. */
export interface HintInput {
  readonly checkId: string;
  readonly message: string;
  /** The exchange the failure is about, if any. */
  readonly exchange: ExchangeRecord | undefined;
  /** That exchange's response body parsed as JSON (`undefined` when it is not JSON or was cut). */
  readonly json: unknown;
}

/**
 * Recognises a usual mix-up behind a failure and says it in the reader's terms ("this is
 * OpenAI's error envelope on an Anthropic route"); `undefined` when it does not apply. Suites
 * add their protocol's rules (`ProtocolSuite.hints`); {@link GENERIC_HINTS} apply to all.
 */
export type HintRule = (input: HintInput) => string | undefined;

const header = (input: HintInput, name: string) => input.exchange?.responseHeaders?.[name];

/** Mix-ups that look the same on every protocol. */
export const GENERIC_HINTS: readonly HintRule[] = [
  (input) => {
    const type = header(input, 'content-type') ?? '';
    const body = input.exchange?.responseBody.trimStart().slice(0, 15).toLowerCase() ?? '';
    if (type.startsWith('text/html') || body.startsWith('<!doctype html') || body.startsWith('<html')) {
      return 'the target answered an HTML page: a wrong --base-url (a web page, not the API root), a login wall or a proxy error page';
    }
    return undefined;
  },
  (input) =>
    input.exchange?.status === 404 && !/model/i.test(input.exchange.responseBody)
      ? `the target does not serve ${pathOf(input.exchange.url)}: --base-url is the server root (no /v1 suffix), and the gateway must route this path`
      : undefined,
  (input) =>
    input.exchange?.status === 405 ? `the target does not accept ${input.exchange.method} on ${pathOf(input.exchange.url)}` : undefined,
  (input) =>
    input.exchange?.status !== undefined && input.exchange.status >= 500 && input.exchange.status !== 529
      ? `the target failed internally (HTTP ${input.exchange.status}); its logs say why`
      : undefined,
  (input) =>
    /timed out|larger than/.test(input.exchange?.error ?? '')
      ? `the exchange did not end: ${input.exchange!.error} (a stream that never ends, or headers sent and nothing after)`
      : undefined,
];

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname;
  } catch {
    return url;
  }
}

/** Applies rules to a failure; each distinct hint once, in rule order. */
export function collectHints(rules: readonly HintRule[], input: Omit<HintInput, 'json'>): string[] {
  const json = parseJson(input.exchange);
  const hints = rules.map((rule) => rule({ ...input, json })).filter((h): h is string => typeof h === 'string' && h.length > 0);
  return [...new Set(hints)];
}

function parseJson(record: ExchangeRecord | undefined): unknown {
  if (!record || record.truncated || record.responseBody === '') return undefined;
  try {
    return JSON.parse(record.responseBody);
  } catch {
    return undefined;
  }
}
