import { fail, preview } from './assert.ts';

/** An SDK's typed error class (BadRequestError, AuthenticationError, NotFoundError, …). */
export type SdkErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

/**
 * Runs `call`, which must throw the SDK's typed error `Class` with HTTP `status` (every official
 * SDK picks the class from the status and exposes it as `status`). Anything else, success
 * included, fails the check with what was thrown.
 *
 * @see https://github.com/openai/openai-node#handling-errors
 * @see https://github.com/anthropics/anthropic-sdk-typescript#handling-errors
 */
export async function expectSdkError<E extends Error>(call: () => Promise<unknown>, Class: SdkErrorClass<E>, status: number, what: string): Promise<E> {
  try {
    await call();
  } catch (error) {
    if (error instanceof Class && (error as { status?: unknown }).status === status) return error;
    const name = error instanceof Error ? error.name : typeof error;
    const got = `${name} (${preview((error as { status?: unknown }).status)}: ${preview((error as Error).message, 120)})`;
    fail(`${what}: the SDK threw ${got}, expected ${Class.name} ${status}`, { expected: `${Class.name} (HTTP ${status})`, actual: got });
  }
  fail(`${what}: the SDK call succeeded, expected ${Class.name}`, { expected: `${Class.name} (HTTP ${status})`, actual: 'success' });
}
