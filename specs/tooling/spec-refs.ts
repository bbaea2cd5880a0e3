import type { AnySchemaObject } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SchemaRegistry } from './schema-registry.ts';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every `$ref` string in a value, with the JSON Pointer where it was found. */
export function collectRefs(value: unknown, at = ''): { at: string; ref: string }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ at, ref: child }] : collectRefs(child, `${at}/${key}`),
  );
}

/** Follows a JSON Pointer fragment (`/$defs/Usage`) inside a document. */
export function followPointer(document: unknown, fragment: string): unknown {
  return fragment
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

/** Every operation of an OpenAPI document, in path and method order. */
export function documentOperations(doc: OpenAPIV3_1.Document): { path: string; method: string; op: OpenAPIV3_1.OperationObject }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item?.[method] ? [{ path, method, op: item[method] as OpenAPIV3_1.OperationObject }] : [])),
  );
}

/**
 * The `$ref`s that do not resolve: schema references of an OpenAPI document (absolute `$id`s with
 * an optional fragment) and local `#/components/…` ones, or references inside the schemas
 * themselves. `[]` when everything resolves.
 */
export function unresolvedRefs(registry: SchemaRegistry, doc: OpenAPIV3_1.Document | undefined, schemas: readonly AnySchemaObject[]): string[] {
  const out: string[] = [];
  for (const { at, ref } of doc ? collectRefs(doc) : []) {
    if (ref.startsWith('#')) {
      if (followPointer(doc, ref.slice(1)) === undefined) out.push(`${at}: ${ref}`);
      continue;
    }
    const [base = '', fragment = ''] = ref.split('#');
    if (!registry.has(base) || (fragment && followPointer(registry.get(base), fragment) === undefined)) out.push(`${at}: ${ref}`);
  }
  for (const schema of schemas) {
    for (const { at, ref } of collectRefs(schema)) {
      const url = new URL(ref, String(schema.$id));
      const fragment = url.hash.slice(1);
      url.hash = '';
      if (!registry.has(url.href) || followPointer(registry.get(url.href), fragment) === undefined) out.push(`${String(schema.$id)}${at}: ${ref}`);
    }
  }
  return out;
}
