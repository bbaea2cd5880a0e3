import { fail, preview } from './assert.ts';

/** An official SDK's error class (`BadRequestError`, `AuthenticationError`, …): an Error with the HTTP status. */
export type SdkErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E & { readonly status?: unknown };

/**
 * Runs `call`, which must throw the SDK error class `Class` with `status` (the SDKs map each HTTP
 * status to its own class; clients catch by class). Returns the error for further checks; fails
 * with what was thrown (or that the call succeeded) otherwise.
 */
export async function expectSdkError<E extends Error>(call: () => Promise<unknown>, Class: SdkErrorClass<E>, status: number, what: string): Promise<E> {
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
