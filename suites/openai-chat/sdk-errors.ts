import type OpenAI from 'openai';
import { fail, preview } from '../harness/assert.ts';

/** An SDK error class (BadRequestError, AuthenticationError, NotFoundError, …). */
type SdkErrorClass = abstract new (...args: never[]) => InstanceType<typeof OpenAI.APIError>;

/**
 * Runs `call`, which must throw the SDK's typed error `Class` with `status`: the class a caller
 * catches is chosen from the status alone, so a wrong status is a wrong class.
 *
 * @see https://github.com/openai/openai-node#handling-errors
 */
export async function expectSdkError(call: () => Promise<unknown>, Class: SdkErrorClass, status: number, what: string): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call();
  } catch (error) {
    if (error instanceof Class && error.status === status) return error;
    const name = error instanceof Error ? error.name : typeof error;
    const got = `${name} (${preview((error as { status?: unknown }).status)}: ${preview((error as Error).message, 120)})`;
    fail(`${what}: the SDK threw ${got}, expected ${Class.name} ${status}`, { expected: `${Class.name} (HTTP ${status})`, actual: got });
  }
  fail(`${what}: the SDK call succeeded, expected ${Class.name}`, { expected: `${Class.name} (HTTP ${status})`, actual: 'success' });
}
