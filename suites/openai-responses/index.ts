import { checksByArea } from '../harness/check.ts';
import type { ProtocolSuite } from '../harness/suite.ts';
import { backgroundChecks } from './checks/background.ts';
import { basicChecks } from './checks/basic.ts';
import { errorsChecks } from './checks/errors.ts';
import { eventsChecks } from './checks/events.ts';
import { incompleteChecks } from './checks/incomplete.ts';
import { inputTokensChecks } from './checks/input-tokens.ts';
import { reasoningChecks } from './checks/reasoning.ts';
import { stateChecks } from './checks/state.ts';
import { streamChecks } from './checks/stream.ts';
import { structuredOutputChecks } from './checks/structured-output.ts';
import { toolsChecks } from './checks/tools.ts';
import { usageChecks } from './checks/usage.ts';
import { responsesExchanges } from './exchanges.ts';
import { responsesHints } from './hints.ts';
import { responsesMutants } from './mutants.ts';
import { responsesPreflight } from './preflight.ts';
import { responsesVariations } from './variations.ts';

/** Every OpenAI Responses check, in report order; area `x` lives in `checks/x.ts`. */
export const responsesChecks = checksByArea({
  basic: basicChecks,
  stream: streamChecks,
  events: eventsChecks,
  usage: usageChecks,
  tools: toolsChecks,
  incomplete: incompleteChecks,
  state: stateChecks,
  'input-tokens': inputTokensChecks,
  'structured-output': structuredOutputChecks,
  reasoning: reasoningChecks,
  background: backgroundChecks,
  errors: errorsChecks,
});

/**
 * The OpenAI Responses suite. Its default model is cheap, current and reasons, so a run against
 * the real API costs little and exercises the reasoning checks too (other models skip them).
 *
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export const openaiResponsesSuite: ProtocolSuite = {
  protocol: 'openai-responses',
  defaultModel: 'gpt-5.4-mini',
  checks: responsesChecks,
  mutants: responsesMutants,
  exchanges: responsesExchanges,
  preflight: responsesPreflight,
  hints: responsesHints,
  variations: responsesVariations,
  // The caller's data: function arguments, tool parameters and text.format schemas, and metadata
  // (a map of strings the Response echoes).
  opaqueKeys: ['arguments', 'parameters', 'schema', 'metadata'],
};
