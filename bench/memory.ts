/** Resident memory of bench children: idle after start, and the peak sampled during load. */
import { type Child, readRss } from './children.ts';

/** Current RSS of a child in bytes: /proc where it exists, else the child's own report over IPC. */
export async function currentRss(child: Child): Promise<number> {
  return readRss(child.pid) ?? (await child.request({ type: 'stats' }, 'stats')).rss;
}

/**
 * Samples a child's RSS every `everyMs` until the returned function is called; that resolves with
 * the peak. Reading /proc does not touch the child's event loop.
 */
export function sampleRss(child: Child, everyMs = 100): () => Promise<number> {
  let peak = 0;
  const tick = async () => {
    peak = Math.max(peak, await currentRss(child).catch(() => 0));
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  return async () => {
    clearInterval(timer);
    await tick();
    return peak;
  };
}

/** Bytes to MiB. */
export function mib(bytes: number): number {
  return bytes / 1024 / 1024;
}
