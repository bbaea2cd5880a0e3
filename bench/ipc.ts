/**
 * Messages between the bench (parent) and its child processes over the `fork` IPC channel.
 * Children answer `stats` at any time; `run` is only for the in-process transport child.
 */

/** Parent → child. */
export type ParentMessage =
  | { readonly type: 'stats' }
  | { readonly type: 'run'; readonly durationMs: number; readonly concurrency: number };

/** Child → parent. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'stats'; readonly rss: number; readonly cpuMicros: number }
  | { readonly type: 'result'; readonly requests: number; readonly elapsedMs: number }
  | { readonly type: 'failed'; readonly message: string };

/** Resident set size and CPU time used so far by this process. */
export function ownStats(): ChildMessage {
  const cpu = process.cpuUsage();
  return { type: 'stats', rss: process.memoryUsage.rss(), cpuMicros: cpu.user + cpu.system };
}

/**
 * Wires a child to its parent: answers `stats`, passes other messages to `onMessage`, and exits
 * when the parent goes away (so a killed bench never leaves a server behind).
 */
export function serveParent(onMessage: (message: ParentMessage) => void = () => {}): (message: ChildMessage) => void {
  const send = (message: ChildMessage) => {
    if (process.connected) process.send?.(message);
  };
  if (!process.send) throw new Error('bench child started without an IPC channel; run it through `npm run bench`');
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') send(ownStats());
    else onMessage(message);
  });
  return send;
}
