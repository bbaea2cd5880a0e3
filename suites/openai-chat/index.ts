import { checksByArea } from '../harness/check.ts';
import type { ProtocolSuite } from '../harness/suite.ts';
import { basicChecks } from './checks/basic.ts';
import { embeddingsChecks } from './checks/embeddings.ts';
import { errorsChecks } from './checks/errors.ts';
import { logprobsChecks } from './checks/logprobs.ts';
import { modelsChecks } from './checks/models.ts';
import { nChecks } from './checks/n.ts';
import { stopChecks } from './checks/stop.ts';
import { streamChecks } from './checks/stream.ts';
import { structuredOutputChecks } from './checks/structured-output.ts';
import { toolsChecks } from './checks/tools.ts';
import { usageChecks } from './checks/usage.ts';
import { openaiChatExchanges } from './exchanges.ts';
import { openaiChatHints } from './hints.ts';
import { openaiChatMutants } from './mutants.ts';
import { openaiChatPreflight } from './preflight.ts';
import { openaiChatVariations } from './variations.ts';

/** Every OpenAI Chat Completions check, in report order; area `x` lives in `checks/x.ts`. */
export const openaiChatChecks = checksByArea({
  basic: basicChecks,
  stream: streamChecks,
  usage: usageChecks,
  stop: stopChecks,
  tools: toolsChecks,
  'structured-output': structuredOutputChecks,
  n: nChecks,
  logprobs: logprobsChecks,
  models: modelsChecks,
  embeddings: embeddingsChecks,
  errors: errorsChecks,
});

/**
 * The OpenAI Chat Completions suite (plus OpenAI's model listing and embeddings). Its default
 * model is cheap and takes every parameter the checks send (max_tokens, stop, n, logprobs,
 * temperature), so a run against the real API costs little and skips nothing.
 *
 * @see https://platform.openai.com/docs/api-reference/chat
 */
export const openaiChatSuite: ProtocolSuite = {
  protocol: 'openai-chat',
  defaultModel: 'gpt-4o-mini',
  checks: openaiChatChecks,
  mutants: openaiChatMutants,
  exchanges: openaiChatExchanges,
  preflight: openaiChatPreflight,
  hints: openaiChatHints,
  variations: openaiChatVariations,
};
