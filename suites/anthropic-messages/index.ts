import type { Check } from '../harness/check.ts';
import type { ProtocolSuite } from '../harness/suite.ts';
import { authChecks } from './checks/auth.ts';
import { basicChecks } from './checks/basic.ts';
import { countTokensChecks } from './checks/count-tokens.ts';
import { errorChecks } from './checks/errors.ts';
import { modelChecks } from './checks/models.ts';
import { stopReasonChecks } from './checks/stop-reasons.ts';
import { streamEventChecks } from './checks/stream-events.ts';
import { streamFramingChecks } from './checks/stream-framing.ts';
import { thinkingChecks } from './checks/thinking.ts';
import { toolChecks } from './checks/tools.ts';
import { usageChecks } from './checks/usage.ts';
import { anthropicMutants } from './mutants.ts';

/** Every Anthropic Messages check, in report order. */
export const anthropicChecks: readonly Check[] = [
  ...basicChecks,
  ...authChecks,
  ...streamFramingChecks,
  ...streamEventChecks,
  ...usageChecks,
  ...stopReasonChecks,
  ...toolChecks,
  ...thinkingChecks,
  ...countTokensChecks,
  ...modelChecks,
  ...errorChecks,
];

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
};
