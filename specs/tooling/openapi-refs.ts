import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * Small readers for checking an OpenAPI document and its JSON Schemas against each other: every
 * `$ref` with where it was found, JSON Pointer resolution, and the list of operations.
 */

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every `$ref` string in a value, with the JSON Pointer where it was found. */
export function collectRefs(value: unknown, at = ''): { at: string; ref: string }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [{ at, ref: child }] : collectRefs(child, `${at}/${key}`)));
}

/** Follows a JSON Pointer fragment (`/$defs/Usage`) inside a document. */
export function followPointer(document: unknown, fragment: string): unknown {
  return fragment
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

/** Every operation of a document, in declaration order. */
export function listOperations(doc: OpenAPIV3_1.Document): { path: string; method: string; op: OpenAPIV3_1.OperationObject }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item?.[method] ? [{ path, method, op: item[method] as OpenAPIV3_1.OperationObject }] : [])),
  );
}
