import { checksByArea } from '../harness/check.ts';
import type { ProtocolSuite } from '../harness/suite.ts';
import { authChecks } from './checks/auth.ts';
import { basicChecks } from './checks/basic.ts';
import { countTokensChecks } from './checks/count-tokens.ts';
import { embeddingsChecks } from './checks/embeddings.ts';
import { errorsChecks } from './checks/errors.ts';
import { modelsChecks } from './checks/models.ts';
import { stopChecks } from './checks/stop.ts';
import { streamChecks } from './checks/stream.ts';
import { structuredChecks } from './checks/structured.ts';
import { thinkingChecks } from './checks/thinking.ts';
import { toolsChecks } from './checks/tools.ts';
import { usageChecks } from './checks/usage.ts';
import { geminiExchanges } from './exchanges.ts';
import { geminiHints } from './hints.ts';
import { geminiMutants } from './mutants.ts';
import { geminiPreflight } from './preflight.ts';
import { geminiVariations } from './variations.ts';

/** Every Gemini check, in report order; area `x` lives in `checks/x.ts`. */
export const geminiChecks = checksByArea({
  basic: basicChecks,
  auth: authChecks,
  stream: streamChecks,
  usage: usageChecks,
  stop: stopChecks,
  tools: toolsChecks,
  thinking: thinkingChecks,
  structured: structuredChecks,
  'count-tokens': countTokensChecks,
  models: modelsChecks,
  embeddings: embeddingsChecks,
  errors: errorsChecks,
});

/**
 * The Gemini suite (generateContent and friends under /v1beta and /v1). Its default model is
 * cheap, current and thinks, so a run against the real API costs little and exercises thought
 * signatures.
 *
 * @see https://ai.google.dev/api
 */
export const geminiSuite: ProtocolSuite = {
  protocol: 'gemini',
  defaultModel: 'gemini-2.5-flash',
  checks: geminiChecks,
  mutants: geminiMutants,
  exchanges: geminiExchanges,
  preflight: geminiPreflight,
  hints: geminiHints,
  variations: geminiVariations,
  // Function call arguments are the caller's data, shaped by the caller's declaration.
  opaqueKeys: ['args'],
  clientLimits: [
    {
      client: 'google-genai',
      variations: ['sse-comments', 'sse-id-and-retry', 'sse-multiline-data'],
      checks: ['gemini/stream/sdk-stream'],
      evidence:
        "@google/genai's SSE reader (processStreamResponse in src/_api_client.ts) keeps only events whose text starts with `data:` and parses the rest of the event as one JSON value: a frame that starts with a comment or an id: line is dropped, multi-line data fails to parse.",
    },
  ],
};
