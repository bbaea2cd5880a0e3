import { excerpt, expect, fail, preview } from './assert.ts';
import { type RawExchange, jsonObject, mediaType } from './http.ts';

/**
 * Protocol-neutral assertions on a raw reply: status, JSON body, content type. Each failure
 * carries the exchange, what was expected and what came, so the evidence is complete.
 */

/**
 * One line about a reply for failure messages: the status and the error every vendor envelope
 * carries (`error.type`/`error.status` and `error.message`), else the start of the body.
 */
export function describeReply(exchange: RawExchange): string {
  const error = jsonObject(jsonObject(exchange.json)?.error);
  const message = error?.message;
  if (typeof message === 'string') {
    const kind = typeof error?.type === 'string' ? error.type : typeof error?.status === 'string' ? error.status : undefined;
    return `HTTP ${exchange.status}${kind ? ` ${kind}` : ''}: ${message}`;
  }
  const type = mediaType(exchange.headers);
  return `HTTP ${exchange.status}${type ? ` (${type})` : ''}: ${exchange.text === '' ? '(empty body)' : excerpt(exchange.text, 200)}`;
}

/** Fails unless the exchange answered `status`. */
export function expectStatus(exchange: RawExchange, status: number, what: string): void {
  expect(exchange.status === status, `${what} answered ${describeReply(exchange)}, expected HTTP ${status}`, {
    expected: `HTTP ${status}`,
    actual: describeReply(exchange),
    exchange: exchange.record,
  });
}

/** Fails unless the exchange succeeded with HTTP 200. */
export function expectOk(exchange: RawExchange, what: string): void {
  expectStatus(exchange, 200, what);
}

/** The JSON object body of a successful exchange (fails on another status, HTML, a non-object). */
export function okJson(exchange: RawExchange, what: string): Record<string, unknown> {
  expectOk(exchange, what);
  const json = jsonObject(exchange.json);
  if (!json) {
    fail(`${what}: the body is not a JSON object (${preview(exchange.headers.get('content-type'))}): ${excerpt(exchange.text, 120)}`, {
      expected: 'a JSON object',
      actual: exchange.text === '' ? '(empty body)' : excerpt(exchange.text, 200),
      exchange: exchange.record,
    });
  }
  return json;
}

/** Fails unless the reply's media type is `type` (parameters such as charset ignored). */
export function expectMediaType(exchange: RawExchange, type: string, what: string): void {
  const actual = mediaType(exchange.headers);
  expect(actual === type, `${what} is served as ${preview(exchange.headers.get('content-type'))}, not ${type}`, {
    expected: type,
    actual: exchange.headers.get('content-type') ?? '(no content-type)',
    exchange: exchange.record,
  });
}

/**
 * Fails unless a reply names the requested model, or a dated snapshot of it (`gpt-4o-mini` →
 * `gpt-4o-mini-2024-07-18`), not another model (a gateway that reroutes silently).
 */
export function expectModelEcho(model: unknown, requested: string): void {
  expect(typeof model === 'string' && model.startsWith(requested), `model is ${preview(model)}, requested ${preview(requested)}`, {
    expected: `${preview(requested)} or a dated snapshot of it`,
    actual: preview(model),
  });
}

/**
 * Fails unless the reply carries the request-id header its clients read (`request-id` for
 * Anthropic, `x-request-id` for OpenAI: each SDK exposes it for support tickets); the evidence
 * shows the other vendor's header when that came instead.
 */
export function expectRequestIdHeader(exchange: RawExchange, header: 'request-id' | 'x-request-id', message = `no ${header} header`): void {
  const other = header === 'request-id' ? 'x-request-id' : 'request-id';
  expect((exchange.headers.get(header) ?? '').length > 0, message, {
    expected: `${header === 'x-request-id' ? 'an' : 'a'} ${header} header`,
    actual: exchange.headers.has(other) ? `${other}: ${exchange.headers.get(other)}` : '(none)',
    exchange: exchange.record,
  });
}
