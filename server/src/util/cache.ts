/**
 * The one cache policy for facts read from disk or derived from them: bounded in size (oldest entry out first),
 * entries expire after `ttlMs`, and every cache can be cleared when files change (`clearAllCaches`, called by the
 * server on `workspace/didChangeWatchedFiles`).
 */
const registry = new Set<WeakRef<{ clear(): void }>>();

export interface CacheOptions {
  /** At most this many entries. */
  readonly max: number;
  /** Entries older than this are recomputed (Infinity: until cleared). */
  readonly ttlMs: number;
  readonly now?: () => number;
}

export class BoundedCache<K, V> {
  private readonly map = new Map<K, { at: number; value: V }>();
  private readonly now: () => number;

  constructor(private readonly opts: CacheOptions) {
    this.now = opts.now ?? Date.now;
    registry.add(new WeakRef(this));
  }

  /** The cached value, or `compute()`'s result, stored. */
  get(key: K, compute: () => V): V {
    const hit = this.map.get(key);
    const t = this.now();
    if (hit && t - hit.at < this.opts.ttlMs) return hit.value;
    const value = compute();
    this.set(key, value, t);
    return value;
  }

  peek(key: K): V | undefined {
    const hit = this.map.get(key);
    return hit && this.now() - hit.at < this.opts.ttlMs ? hit.value : undefined;
  }

  set(key: K, value: V, at = this.now()): void {
    this.map.delete(key);
    this.map.set(key, { at, value });
    while (this.map.size > this.opts.max) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/** Drop every cache's content (files changed on disk). */
export function clearAllCaches(): void {
  for (const ref of registry) {
    const c = ref.deref();
    if (c) c.clear();
    else registry.delete(ref);
  }
}
