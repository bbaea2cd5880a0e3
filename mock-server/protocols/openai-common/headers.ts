/** The API version OpenAI reports in `openai-version` (unchanged since 2020). */
export const OPENAI_API_VERSION = '2020-10-01';

// A generous, fixed quota: the headers have the live API's shape, and a client that paces itself
// by them (the Python SDK does not, some gateways do) never waits.
const REQUEST_LIMIT = 10_000;
const TOKEN_LIMIT = 30_000_000;

/**
 * The response headers OpenAI sends with every reply, besides `x-request-id` (which the pipeline
 * sets): `openai-version`, `openai-processing-ms` and the `x-ratelimit-*` family. All are
 * deterministic: processing time is derived from the tokens, the quota never runs out.
 *
 * @see https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers
 * @see https://platform.openai.com/docs/api-reference/debugging-requests
 */
export function openaiResponseHeaders(tokens = 0): Record<string, string> {
  return {
    'openai-version': OPENAI_API_VERSION,
    'openai-processing-ms': String(20 + Math.floor(tokens / 4)),
    'x-ratelimit-limit-requests': String(REQUEST_LIMIT),
    'x-ratelimit-limit-tokens': String(TOKEN_LIMIT),
    'x-ratelimit-remaining-requests': String(REQUEST_LIMIT - 1),
    'x-ratelimit-remaining-tokens': String(Math.max(0, TOKEN_LIMIT - tokens)),
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-reset-tokens': '0s',
  };
}
