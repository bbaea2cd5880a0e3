import type { OpenAPIV3_1 } from 'openapi-types';
import type { ProtocolAdapter } from './protocol-adapter.ts';

/** A parameter the spec declares (header, query or path), with the subset of JSON Schema we check. */
export interface ParameterSpec {
  readonly name: string;
  readonly in: 'header' | 'query' | 'path';
  readonly required: boolean;
  readonly schema: Readonly<Record<string, unknown>>;
}

/** Where one credential is read from, per an OpenAPI security scheme. */
export type CredentialSpec =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'query'; readonly name: string }
  | { readonly kind: 'bearer' };

/** One operation of one protocol, read from its OpenAPI document. */
export interface SpecOperation {
  readonly adapter: ProtocolAdapter;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  /** Alternatives (OR), each a list of credentials that must all be present (AND). Empty: no auth. */
  readonly security: readonly (readonly CredentialSpec[])[];
  /** `$id` of the JSON request body schema, if the operation takes one. */
  readonly requestSchema: string | undefined;
  /** `$id` of the JSON response schema for a status (exact, then `2XX`-style ranges). */
  responseSchema(status: number): string | undefined;
  /** `$id` of the schema each `text/event-stream` event's data must match, if the operation streams. */
  readonly streamEventSchema: string | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Reads every operation of a protocol's OpenAPI document. This is where routes, required headers,
 * auth and schemas come from: none of them is declared a second time in code.
 *
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export function readOperations(adapter: ProtocolAdapter): SpecOperation[] {
  const doc = adapter.spec.openapi;
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`[llm-conformance] Failed to read ${adapter.spec.id} ${method.toUpperCase()} ${path}: it has no operationId.`);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveParameter(doc, p));
      out.push({
        adapter,
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        security: readSecurity(doc, op.security ?? doc.security ?? []),
        requestSchema: schemaRef(deref(doc, op.requestBody)?.content?.['application/json']?.schema),
        responseSchema: (status) => responseSchema(doc, op.responses, status, 'application/json'),
        streamEventSchema: responseSchema(doc, op.responses, 200, 'text/event-stream'),
      });
    }
  }
  return out;
}

function deref<T extends object>(doc: OpenAPIV3_1.Document, value: T | OpenAPIV3_1.ReferenceObject | undefined): T | undefined {
  if (!value) return undefined;
  if (!('$ref' in value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value as T;
  let current: unknown = doc;
  for (const key of value.$ref.slice(2).split('/')) current = (current as Record<string, unknown> | undefined)?.[key];
  if (current === undefined) throw new Error(`[llm-conformance] Failed to resolve ${value.$ref} in the ${doc.info.title} OpenAPI document.`);
  return current as T;
}

function resolveParameter(doc: OpenAPIV3_1.Document, value: OpenAPIV3_1.ParameterObject | OpenAPIV3_1.ReferenceObject): ParameterSpec {
  const p = deref<OpenAPIV3_1.ParameterObject>(doc, value);
  if (!p || (p.in !== 'header' && p.in !== 'query' && p.in !== 'path')) {
    throw new Error(`[llm-conformance] Failed to read a parameter of ${doc.info.title}: only header, query and path parameters are supported.`);
  }
  return {
    name: p.in === 'header' ? p.name.toLowerCase() : p.name,
    in: p.in,
    required: p.required === true || p.in === 'path',
    schema: (p.schema ?? {}) as Record<string, unknown>,
  };
}

function readSecurity(doc: OpenAPIV3_1.Document, requirements: OpenAPIV3_1.SecurityRequirementObject[]): CredentialSpec[][] {
  const schemes = doc.components?.securitySchemes ?? {};
  return requirements.map((requirement) =>
    Object.keys(requirement).map((name): CredentialSpec => {
      const scheme = deref<OpenAPIV3_1.SecuritySchemeObject>(doc, schemes[name]);
      if (scheme?.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) {
        return scheme.in === 'header' ? { kind: 'header', name: scheme.name.toLowerCase() } : { kind: 'query', name: scheme.name };
      }
      if (scheme?.type === 'http' && scheme.scheme.toLowerCase() === 'bearer') return { kind: 'bearer' };
      throw new Error(`[llm-conformance] Failed to read security scheme "${name}" of ${doc.info.title}: only apiKey (header/query) and http bearer are supported.`);
    }),
  );
}

function schemaRef(schema: unknown): string | undefined {
  if (schema && typeof schema === 'object' && typeof (schema as { $ref?: unknown }).$ref === 'string') {
    return (schema as { $ref: string }).$ref;
  }
  return undefined;
}

function responseSchema(
  doc: OpenAPIV3_1.Document,
  responses: OpenAPIV3_1.ResponsesObject | undefined,
  status: number,
  mediaType: string,
): string | undefined {
  if (!responses) return undefined;
  const code = String(status);
  const response = responses[code] ?? responses[`${code[0]}XX`] ?? responses.default;
  return schemaRef(deref<OpenAPIV3_1.ResponseObject>(doc, response)?.content?.[mediaType]?.schema);
}
