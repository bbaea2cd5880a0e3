import type { MockRequest } from '../../wire/wire-request.ts';
import type { CredentialSpec, SpecOperation } from './openapi-operations.ts';
import type { MockProtocolError } from './protocol-error.ts';

const BEARER = /^Bearer\s+(\S.*)$/i;

/**
 * Checks credentials against the operation's OpenAPI security requirements: any one alternative
 * whose credentials are all present (and, when the server was given `apiKeys`, all accepted)
 * authenticates. Returns the protocol's 401 error, or `undefined`: "invalid" when credentials
 * came but none were accepted, "missing" when none came.
 *
 * Anthropic's spec lists both `x-api-key` and Bearer, because real clients send either
 * (Claude Code sends Bearer when `ANTHROPIC_AUTH_TOKEN` is set).
 */
export function authenticate(operation: SpecOperation, request: MockRequest, url: URL, apiKeys: ReadonlySet<string> | undefined): MockProtocolError | undefined {
  if (operation.security.length === 0) return undefined;
  let presented = false;
  for (const alternative of operation.security) {
    const values = alternative.map((credential) => readCredential(credential, request, url));
    if (values.some((v) => v === undefined)) continue;
    presented = true;
    if (!apiKeys || values.every((v) => apiKeys.has(v as string))) return undefined;
  }
  return presented ? operation.adapter.errors.invalidCredentials() : operation.adapter.errors.missingCredentials();
}

function readCredential(credential: CredentialSpec, request: MockRequest, url: URL): string | undefined {
  let value: string | undefined;
  if (credential.kind === 'header') value = request.header(credential.name);
  else if (credential.kind === 'query') value = url.searchParams.get(credential.name) ?? undefined;
  else value = BEARER.exec(request.header('authorization') ?? '')?.[1];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
