import { SCHEMA_BASE } from '../types.ts';
import errorResponse from './schemas/error-response.json' with { type: 'json' };

/** Base of the schemas every OpenAI protocol shares. */
export const OPENAI_COMMON_SCHEMA_BASE = `${SCHEMA_BASE}openai-common/` as const;

/**
 * The `$id` of each schema shared by the OpenAI protocols (Chat Completions and Responses use one
 * error envelope).
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 */
export const OPENAI_COMMON_SCHEMA_IDS = {
  errorResponse: `${OPENAI_COMMON_SCHEMA_BASE}error-response.json`,
} as const;

/**
 * The shared schema objects. Each OpenAI protocol spec lists them among its own `schemas`; the
 * registry registers one object under one `$id` once, however many protocols list it.
 */
export const OPENAI_COMMON_SCHEMAS = [errorResponse] as const;
