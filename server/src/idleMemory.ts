/**
 * Gives memory back once the server goes quiet after a burst of work.
 *
 * Opening many documents at once (a restored session, a folder of units) grows V8's young generation to its
 * maximum (2 x 16 MiB semi-spaces), and nothing shrinks it while the process sits idle: V8 resizes the young
 * generation only during a collection, and only when the allocation rate of the last five seconds is low but
 * not zero. An idle server does not collect, and the last stretch of a burst counts as a high rate until a
 * collection closes it. So, after a burst (the heap grew by `growthBytes`):
 *  1. `settleMs` after the last message: a young-generation collection (about a millisecond) closes that stretch;
 *  2. `quietMs` later, still without a message: the caches are dropped and two full collections run, after a token
 *     allocation so the rate is low and not zero. V8 then shrinks the young generation and returns its pages, and
 *     the second collection compacts what the first left sparse.
 * Any message cancels the pending step; edits and requests in a burst never pay for either. The collector is
 * V8's own `gc()`: node keeps it behind --expose-gc, which V8 lets the embedder switch on at run time.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleMemoryOptions {
  readonly settleMs?: number;
  readonly quietMs?: number;
  readonly growthBytes?: number;
  /** Drop what can be computed again (the service's caches) just before the full collection. */
  readonly beforeRelease?: () => void;
}

type Collect = (options?: { type?: 'major' | 'minor' }) => void;

function collector(): Collect | undefined {
  const existing = (globalThis as { gc?: Collect }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as Collect) : undefined;
  } catch {
    return undefined;
  }
}

/** Where the token allocation before the full collection goes (so it is not optimised away). */
const token: { last?: unknown } = {};

/** Returns `activity()`, to call on every incoming message (cheap: it re-arms a timer). */
export function releaseMemoryWhenIdle(opts: IdleMemoryOptions = {}): { activity(): void; stop(): void } {
  const settleMs = opts.settleMs ?? 1000;
  const quietMs = opts.quietMs ?? 6000;
  const growth = opts.growthBytes ?? 8 * 1024 * 1024;
  // Made on the first burst, not at start-up: switching the collector on costs a context (~3 ms, ~1.4 MB).
  let gc: Collect | undefined | null;
  let settled = getHeapStatistics().total_heap_size;
  let release: NodeJS.Timeout | undefined;
  const settle = setTimeout(() => {
    if (getHeapStatistics().total_heap_size <= settled + growth) return;
    if (gc === undefined) gc = collector() ?? null;
    if (!gc) return;
    const collect = gc;
    collect({ type: 'minor' });
    release = setTimeout(() => {
      release = undefined;
      opts.beforeRelease?.();
      token.last = Array.from({ length: 256 }, (_, i) => [i]);
      token.last = undefined;
      // Twice: the second collection compacts the pages the first one (with the caches dropped) left sparse.
      collect();
      collect();
      settled = getHeapStatistics().total_heap_size;
    }, quietMs);
    release.unref();
  }, settleMs);
  settle.unref();
  return {
    activity: () => {
      settle.refresh();
      if (release) {
        clearTimeout(release);
        release = undefined;
      }
    },
    stop: () => {
      clearTimeout(settle);
      if (release) clearTimeout(release);
    },
  };
}
