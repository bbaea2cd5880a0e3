import type { Mutant } from '../harness/mutant.ts';
import { endpointMutants } from './endpoint-mutants.ts';
import { replyMutants } from './reply-mutants.ts';
import { streamMutants } from './stream-mutants.ts';

/**
 * Broken variants of the reference mock, each imitating a deviation seen in real gateways and
 * OpenAI-compatible servers. The mutant guard runs every check against every mutant: each mutant
 * fails the checks it lists, and every check fails against at least one mutant.
 */
export const openaiChatMutants: readonly Mutant[] = [...streamMutants, ...replyMutants, ...endpointMutants];
