import type { CanonicalRequest, CanonicalServerToolKind, CanonicalTool } from './canonical.ts';

/** A tool the engine can run as a server tool. */
export type ServerTool = CanonicalTool & { readonly execution: CanonicalServerToolKind };

/** Which tools the reply calls. */
export type ToolPlan =
  | { readonly kind: 'none' }
  /** Client tool calls (one, or one per allowed tool for a parallel `required` choice). */
  | { readonly kind: 'client'; readonly tools: readonly CanonicalTool[] }
  /** One server tool call; its result and the text after it follow. */
  | { readonly kind: 'server'; readonly tool: ServerTool };

/** Whether the engine can call `tool`: a custom tool, or a built-in one whose execution is known. */
export function isRunnable(tool: CanonicalTool): boolean {
  return tool.builtin === undefined || tool.execution !== undefined;
}

export function isServerTool(tool: CanonicalTool): tool is ServerTool {
  return tool.builtin !== undefined && tool.execution !== undefined && tool.execution !== 'client';
}

/**
 * The tool use a request forces. Only a forced choice calls tools (`auto` answers in text): `tool`
 * calls the named tool; `required` calls the first runnable tool, among `names` when given, or,
 * with several `names` and `parallel`, each named client tool once. A server tool is called alone.
 */
export function planToolUse(request: Pick<CanonicalRequest, 'tools' | 'toolChoice'>): ToolPlan {
  const choice = request.toolChoice;
  if (choice.mode !== 'required' && choice.mode !== 'tool') return { kind: 'none' };
  const allowed = choice.mode === 'tool' ? new Set([choice.name]) : choice.names ? new Set(choice.names) : undefined;
  const candidates = request.tools.filter((t) => (!allowed || allowed.has(t.name)) && isRunnable(t));
  const first = candidates[0];
  if (!first) return { kind: 'none' };
  if (isServerTool(first)) return { kind: 'server', tool: first };
  const several = choice.mode === 'required' && (choice.names?.length ?? 0) > 1 && choice.parallel;
  return { kind: 'client', tools: several ? candidates.filter((t) => !isServerTool(t)) : [first] };
}
