import { checksByArea } from '../harness/check.ts';
import type { ProtocolSuite } from '../harness/suite.ts';
import { authChecks } from './checks/auth.ts';
import { basicChecks } from './checks/basic.ts';
import { countTokensChecks } from './checks/count-tokens.ts';
import { errorsChecks } from './checks/errors.ts';
import { modelsChecks } from './checks/models.ts';
import { serverToolsChecks } from './checks/server-tools.ts';
import { stopChecks } from './checks/stop.ts';
import { streamChecks } from './checks/stream.ts';
import { structuredOutputChecks } from './checks/structured-output.ts';
import { thinkingChecks } from './checks/thinking.ts';
import { toolsChecks } from './checks/tools.ts';
import { usageChecks } from './checks/usage.ts';
import { anthropicExchanges } from './exchanges.ts';
import { anthropicHints } from './hints.ts';
import { anthropicMutants } from './mutants.ts';
import { anthropicPreflight } from './preflight.ts';
import { streamConventionExchanges } from './stream-conventions.ts';
import { structuredOutputExchanges } from './structured-output.ts';
import { anthropicVariations } from './variations.ts';
import { webSearchExchanges } from './web-search.ts';

/** Every Anthropic Messages check, in report order; area `x` lives in `checks/x.ts`. */
export const anthropicChecks = checksByArea({
  basic: basicChecks,
  auth: authChecks,
  stream: streamChecks,
  usage: usageChecks,
  stop: stopChecks,
  tools: toolsChecks,
  'server-tools': serverToolsChecks,
  'structured-output': structuredOutputChecks,
  thinking: thinkingChecks,
  'count-tokens': countTokensChecks,
  models: modelsChecks,
  errors: errorsChecks,
});

/**
 * The Anthropic Messages suite. Its default model is cheap and offers thinking, so a run against
 * the real API costs little and skips nothing.
 *
 * @see https://docs.claude.com/en/api/messages
 */
export const anthropicMessagesSuite: ProtocolSuite = {
  protocol: 'anthropic-messages',
  defaultModel: 'claude-haiku-4-5',
  checks: anthropicChecks,
  mutants: anthropicMutants,
  // Convention roots and the optional capabilities' exchanges live next to their judgement (they build on exchanges.ts).
  exchanges: [...anthropicExchanges, ...streamConventionExchanges, ...webSearchExchanges, ...structuredOutputExchanges],
  preflight: anthropicPreflight,
  hints: anthropicHints,
  variations: anthropicVariations,
  // Tool inputs are the caller's data, shaped by the caller's input_schema.
  opaqueKeys: ['input'],
};
