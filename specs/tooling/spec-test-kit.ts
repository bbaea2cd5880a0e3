/**
 * The checks every protocol's spec tests make, written once: example folders against their
 * schemas, stream examples against the grammar, the grammar's transition table, and `$ref`
 * resolution between the OpenAPI document and the schemas. Imported by `specs/<protocol>/*.test.ts`
 * only (it registers vitest blocks); not part of the public surface.
 */
import type { AnySchemaObject } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import type { InvalidExample, StreamExample, ValidExample } from './examples.ts';
import { collectRefs, followPointer } from './openapi-refs.ts';
import type { SchemaRegistry } from './schema-registry.ts';
import { checkStreamGrammar, type GrammarEvent, type StreamGrammar } from './stream-grammar.ts';

/** Reads the `*.json` examples of one folder of a protocol's fixtures. */
export type ExampleReader = <T extends { readonly name: string }>(folder: string) => T[];

/**
 * `request examples` and `response and event examples`: each valid body validates against its
 * schema (named in the example, else the folder's default); each invalid one fails, with the
 * expected field and message first.
 */
export function describeSchemaExamples(options: {
  readonly registry: SchemaRegistry;
  /** Schema names (as examples spell them) → `$id`. */
  readonly schemaIds: Readonly<Record<string, string>>;
  readonly read: ExampleReader;
  readonly requestSchema: string;
  readonly responseSchema: string;
}): void {
  const { registry, schemaIds, read } = options;
  const idOf = (example: ValidExample, fallback: string) => schemaIds[example.schema ?? fallback] ?? `unknown schema ${String(example.schema)}`;
  const valid = (example: ValidExample, fallback: string) => expect(registry.validate(idOf(example, fallback), example.body)).toEqual([]);
  const invalid = (example: InvalidExample, fallback: string) => {
    const [first] = registry.validate(idOf(example, fallback), example.body);
    expect(first, 'the body must be rejected').toBeDefined();
    expect({ field: first?.field, message: first?.message }).toEqual({ field: example.expectField, message: expect.stringContaining(example.expectMessageIncludes) });
  };
  for (const [title, folder, fallback] of [
    ['request examples', 'requests', options.requestSchema],
    ['response and event examples', 'responses', options.responseSchema],
  ] as const) {
    describe(title, () => {
      describe('valid', () => {
        for (const example of read<ValidExample>(`${folder}/valid`)) it(`${example.name}: ${example.description}`, () => valid(example, fallback));
      });
      describe('invalid', () => {
        for (const example of read<InvalidExample>(`${folder}/invalid`)) it(`${example.name}: ${example.description}`, () => invalid(example, fallback));
      });
    });
  }
}

/**
 * Stream examples: valid streams pass the grammar and each event its schema (`validateEvent`
 * answers `undefined` for a type the protocol does not define); invalid ones produce the expected
 * grammar finding at the expected place.
 */
export function describeStreamExamples(options: {
  readonly grammar: StreamGrammar;
  readonly read: ExampleReader;
  readonly validateEvent: (type: string, data: unknown) => readonly Diagnostic[] | undefined;
}): void {
  const toEvents = (example: StreamExample): GrammarEvent[] => example.events.map((data) => ({ type: data.type, data }));
  describe('accepts valid streams, whose every event also matches its event schema', () => {
    for (const example of options.read<StreamExample>('streams/valid')) {
      it(`${example.name}: ${example.description}`, () => {
        expect(checkStreamGrammar(options.grammar, toEvents(example))).toEqual([]);
        for (const data of example.events) expect(options.validateEvent(data.type, data), data.type).toEqual([]);
      });
    }
  });
  describe('reports violations', () => {
    for (const example of options.read<StreamExample>('streams/invalid')) {
      it(`${example.name}: ${example.description}`, () => {
        const diagnostics = checkStreamGrammar(options.grammar, toEvents(example));
        expect(diagnostics.map((d) => ({ keyword: d.keyword, path: d.path }))).toContainEqual({ keyword: example.expectKeyword, path: example.expectPath });
      });
    }
  });
}

/** The transition table names only known events and states, and its final states lead nowhere. */
export function expectTransitionTable(grammar: StreamGrammar): void {
  const states = Object.keys(grammar.transitions);
  expect(states).toContain(grammar.initial);
  for (const [state, edges] of Object.entries(grammar.transitions)) {
    for (const [event, next] of Object.entries(edges)) {
      expect(grammar.events, `${state} —${event}→`).toContain(event);
      expect(states, `${state} —${event}→ ${next}`).toContain(next);
    }
  }
  for (const state of grammar.final) expect(grammar.transitions[state], state).toEqual({});
}

/** Every `$ref` to a schema (outside `#/…` of the document) names a registered `$id` and fragment. */
export function expectDocumentSchemaRefs(doc: OpenAPIV3_1.Document, registry: SchemaRegistry): number {
  const refs = collectRefs(doc).filter(({ ref }) => !ref.startsWith('#'));
  for (const { at, ref } of refs) {
    const [base = '', fragment = ''] = ref.split('#');
    expect(registry.has(base), `${at}: ${ref}`).toBe(true);
    if (fragment) expect(followPointer(registry.get(base), fragment), `${at}: ${ref}`).toBeDefined();
  }
  return refs.length;
}

/** Every `$ref` inside the schemas resolves to a registered document and fragment. */
export function expectSchemaRefs(schemas: readonly AnySchemaObject[], registry: SchemaRegistry): void {
  for (const schema of schemas) {
    for (const { at, ref } of collectRefs(schema)) {
      const url = new URL(ref, String(schema.$id));
      const fragment = url.hash.slice(1);
      url.hash = '';
      expect(registry.has(url.href), `${String(schema.$id)}${at}: ${ref}`).toBe(true);
      expect(followPointer(registry.get(url.href), fragment), `${String(schema.$id)}${at}: ${ref}`).toBeDefined();
    }
  }
}
