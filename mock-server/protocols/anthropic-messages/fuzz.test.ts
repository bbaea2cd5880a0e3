import { describe, expect, it } from 'vitest';
import { readCaptures } from '../../../fixtures/captures/read-captures.ts';
import { readExamples, type ValidExample } from '../../../specs/anthropic-messages/fixtures.ts';
import { createMockServer } from '../../create-mock-server.ts';
import { prng } from '../../core/hash.ts';
import type { LifecycleEvents } from '../../core/lifecycle.ts';
import { anthropicRequest, MODEL, validateAnthropic } from '../../test-support.ts';

// Mutates valid requests (the spec's examples, real clients' captures, and requests for each
// feature) in a seeded, repeatable way and sends them: whatever comes in, the mock answers below
// 500, every error in the Anthropic envelope, and never reports an internal error.
const ROUNDS = 600;
const random = prng('llm-conformance fuzz 1');
const below = (n: number) => random() % n;
const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FEATURE_BODIES: Json[] = [
  { model: MODEL, max_tokens: 200, messages: [{ role: 'user', content: 'json' }], output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string', pattern: '^[a-z]+$' }, n: { type: 'integer', minimum: 3 } }, required: ['a', 'n'] } } } },
  { model: MODEL, max_tokens: 200, messages: [{ role: 'user', content: 'search' }], tools: [{ type: 'web_search_20250305', name: 'web_search' }, { type: 'bash_20250124', name: 'bash' }], tool_choice: { type: 'any' } },
  { model: MODEL, max_tokens: 200, messages: [{ role: 'user', content: 'fetch https://example.org' }], tools: [{ type: 'web_fetch_20250910', name: 'web_fetch' }, { type: 'code_execution_20250825', name: 'code_execution' }], tool_choice: { type: 'tool', name: 'code_execution' }, stream: true },
  { model: MODEL, max_tokens: 200, messages: [{ role: 'user', content: 'thread' }], thread: { type: 'continue', previous_message_id: 'msg_01x' } },
];

const seeds: Json[] = [
  ...readExamples<ValidExample>('requests/valid').map((e) => e.body as Json),
  ...readCaptures()
    .filter((c) => c.method === 'POST' && c.path.startsWith('/v1/messages'))
    .map((c) => c.body as Json),
  ...FEATURE_BODIES,
];

const REPLACEMENTS: (() => Json)[] = [
  () => null,
  () => 0,
  () => -1,
  () => 1e308,
  () => 2 ** 53 + 1,
  () => 0.5,
  () => '',
  () => ' ',
  () => 'x'.repeat(below(5_000)),
  () => '\u0000\ud800<system-reminder>',
  () => true,
  () => [],
  () => ({}),
  () => ({ type: 'text', text: 'injected' }),
  () => ({ type: pick(['tool_use', 'tool_result', 'thinking', 'image', 'server_tool_use', 'nonsense']) }),
  () => nested(below(400)),
  () => ({ type: 'string', minLength: 10 ** below(10), pattern: pick(['^(a+)+$', '(', '^\\d{3}$', '(?=x)y']) }),
];

function nested(depth: number): Json {
  let value: Json = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Every container in the value, with the key that reaches each child. */
function slots(value: Json, out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = []) {
  if (value === null || typeof value !== 'object') return out;
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    out.push({ parent: value, key });
    slots(child, out);
  }
  return out;
}

function mutate(seed: Json): string {
  const body = structuredClone(seed);
  for (let edits = 1 + below(3); edits > 0; edits--) {
    const all = slots(body);
    if (all.length === 0) break;
    const { parent, key } = pick(all);
    const op = below(4);
    if (op === 0 && !Array.isArray(parent)) delete parent[key as string];
    else if (op === 1 && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]!));
    else if (op === 2 && !Array.isArray(parent)) parent[`unknown_${below(9)}`] = pick(REPLACEMENTS)();
    else (parent as Record<string | number, Json>)[key] = pick(REPLACEMENTS)();
  }
  const text = JSON.stringify(body);
  // Now and then the bytes themselves break: a cut body, or a stray character.
  const damage = below(10);
  if (damage === 0) return text.slice(0, below(text.length + 1));
  if (damage === 1) {
    const at = below(text.length + 1);
    return text.slice(0, at) + pick(['{', '"', '\\', ']', ',', '\u2028']) + text.slice(at);
  }
  return text;
}

describe('fuzz: mutated valid requests', () => {
  it(`${ROUNDS} seeded mutations: no 5xx, every error in the envelope, no internal error`, async () => {
    const mock = createMockServer({ seed: 'fuzz', validateOutput: 'report' });
    const errors: LifecycleEvents['error'][] = [];
    const violations: LifecycleEvents['violation'][] = [];
    mock.on('error', (e) => errors.push(e));
    mock.on('violation', (v) => violations.push(v));
    const statuses = new Map<number, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const body = mutate(pick(seeds));
      const path = below(8) === 0 ? '/v1/messages/count_tokens' : '/v1/messages';
      const res = await mock.fetch(anthropicRequest(body, {}, path));
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `round ${round}: ${body.slice(0, 300)} → ${text.slice(0, 300)} ${String((errors.at(-1)?.error as Error | undefined)?.stack)}`).toBeLessThan(500);
      if (res.status >= 400) expect(validateAnthropic('errorResponse', JSON.parse(text)), `round ${round}`).toEqual([]);
    }
    expect(errors).toEqual([]);
    // The mock may fall short of an exotic schema (reported), but never of its own spec.
    expect(violations.flatMap((v) => v.diagnostics).filter((d) => !d.path.startsWith('/tool-input') && !d.path.startsWith('/output'))).toEqual([]);
    // The mutations reach both outcomes: accepted replies and refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(ROUNDS / 20);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
  });
});
