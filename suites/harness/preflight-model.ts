/**
 * The preflight's one-line message when the target does not serve the model under test, naming
 * the models it lists instead (at most 20), or `undefined` when it lists the model after all (the
 * error was about something else: the checks then judge). Shared by the suites' preflights.
 */
export function modelNotServedMessage(model: string, answer: string, listed: readonly string[], listing: string): string | undefined {
  if (listed.includes(model)) return undefined;
  if (listed.length === 0) return `the target does not serve model ${model} (${answer}) and lists no models (${listing}); choose one with --model`;
  const shown = listed.slice(0, 20).join(', ') + (listed.length > 20 ? `, … (${listed.length} in all)` : '');
  return `the target does not serve model ${model} (${answer}); it lists: ${shown}. Choose one with --model`;
}
