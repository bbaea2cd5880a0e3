import type { ResolvedTarget } from '../harness/target.ts';

/** What the preflight learnt about the target's model, for the request bodies. */
export interface ModelProfile {
  /**
   * The model reasons (the probe's Response echoes a non-null `reasoning.effort`): requests then
   * ask for low effort, so that reasoning tokens neither eat the output budget nor cost much.
   */
  readonly reasons: boolean;
}

// Keyed by the target object the preflight hands to the checks, so that it lives exactly as long
// as the run and needs no field on the harness's target.
const profiles = new WeakMap<ResolvedTarget, ModelProfile>();

/** Records what the preflight found about `target`'s model. */
export function rememberProfile(target: ResolvedTarget, profile: ModelProfile): void {
  profiles.set(target, profile);
}

/** What the preflight found (a run without preflight knows nothing: no reasoning options are sent). */
export function profileOf(target: ResolvedTarget): ModelProfile {
  return profiles.get(target) ?? { reasons: false };
}
