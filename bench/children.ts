/**
 * Child processes of the bench: start (fork + wait for the port), pin to a CPU, ask for stats,
 * and kill every one of them when the bench ends, fails or is interrupted.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildMessage, ParentMessage } from './ipc.ts';

/** A running bench child. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  /** The port its server listens on (0 for children without a socket). */
  readonly port: number;
  /** Sends a message; the next reply of type `wait` resolves the promise. */
  request<T extends ChildMessage['type']>(message: ParentMessage, wait: T): Promise<Extract<ChildMessage, { type: T }>>;
  /** Throws if the child reported a failure or died. */
  assertHealthy(): void;
  /**
   * Ends it: closes the IPC channel so it exits normally (which lets `--cpu-prof` write its
   * profile), and kills it if it is still there after 3 s.
   */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let cleanupInstalled = false;

/** Kills every child still running (synchronous, so it also works from an `exit` handler). */
export function killAllChildren(): void {
  for (const proc of live) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  live.clear();
}

/** Kills the children on exit, SIGINT, SIGTERM and SIGHUP (idempotent; {@link startChild} calls it). */
export function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllChildren();
      console.error(`\nbench: interrupted (${signal}); children stopped.`);
      process.exit(130);
    });
  }
}

/** Options of {@link startChild}. */
export interface StartOptions {
  /** Pin the child (all its threads) to this CPU with `taskset`, when available. */
  readonly cpu?: number | undefined;
  /** Extra node flags, e.g. `--cpu-prof` (from BENCH_CHILD_NODE_OPTIONS). */
  readonly execArgv?: readonly string[];
  /** How long to wait for `ready` (default 30 s: the mock compiles its schemas at start). */
  readonly timeoutMs?: number;
}

/** Forks `script` (a .ts file run by Node's type stripping) and resolves once it reports its port. */
export async function startChild(name: string, script: string, args: readonly string[], options: StartOptions = {}): Promise<Child> {
  installCleanup();
  const proc = fork(script, [...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...(options.execArgv ?? [])] });
  live.add(proc);
  let failure: string | undefined;
  let stopping = false;
  const waiters: { type: ChildMessage['type']; resolve: (m: ChildMessage) => void; reject: (e: Error) => void }[] = [];
  const fail = (message: string) => {
    failure ??= `${name}: ${message}`;
    for (const w of waiters.splice(0)) w.reject(new Error(failure));
  };
  proc.on('message', (message: ChildMessage) => {
    if (message.type === 'failed') return fail(message.message);
    const at = waiters.findIndex((w) => w.type === message.type);
    if (at !== -1) waiters.splice(at, 1)[0]?.resolve(message);
  });
  proc.once('exit', (code, signal) => {
    live.delete(proc);
    if (!stopping) fail(`exited unexpectedly (code ${code}, signal ${signal})`);
  });
  proc.once('error', (error) => fail(error.message));

  const waitFor = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      if (failure) return reject(new Error(failure));
      waiters.push({ type, resolve: resolve as (m: ChildMessage) => void, reject });
    });
  const request: Child['request'] = (message, wait) => {
    const reply = waitFor(wait);
    proc.send(message);
    return reply;
  };
  const ready = await withTimeout(waitFor('ready'), options.timeoutMs ?? 30_000, `${name} did not start`);
  const pid = proc.pid ?? 0;
  if (options.cpu !== undefined) pinToCpu(pid, options.cpu);
  return {
    name,
    pid,
    port: ready.port,
    request,
    assertHealthy: () => {
      if (failure) throw new Error(failure);
    },
    stop: async () => {
      stopping = true;
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      if (proc.connected) proc.disconnect();
      await withTimeout(exited, 3000, 'exit').catch(() => proc.kill('SIGKILL'));
      live.delete(proc);
    },
  };
}

/** Whether `taskset` can pin processes here (Linux with util-linux). */
export function canPin(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pins every thread of `pid` to one CPU; threads started later inherit it. */
export function pinToCpu(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** Resident set size of a process in bytes from /proc, or `undefined` where there is no /proc. */
export function readRss(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
