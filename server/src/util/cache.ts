/**
 * The one cache policy of the language service. Every cache is a `BoundedCache`:
 *  - bounded: at most `max` entries, kept in two generations (a full young generation becomes the old one and the
 *    oldest is dropped whole: no per-entry deletes, which make large V8 maps slow), so recently used entries stay;
 *  - short-lived where the facts come from disk: entries older than `ttlMs` are recomputed (Infinity for pure
 *    memoisation of functions of their key);
 *  - cleared when files change: `clearAllCaches()` (the server calls it on `workspace/didChangeWatchedFiles`, the
 *    facade's `fileChanged`) empties every live cache.
 */
const registry = new Set<WeakRef<{ clear(): void }>>();

export interface CacheOptions {
  /** At most this many entries (about; two generations of max/2). */
  readonly max: number;
  /** Entries older than this are recomputed (Infinity: until cleared). */
  readonly ttlMs: number;
  readonly now?: () => number;
}

interface Slot<V> {
  readonly at: number;
  readonly value: V;
}

export class BoundedCache<K, V> {
  private young = new Map<K, Slot<V>>();
  private old = new Map<K, Slot<V>>();
  private readonly now: () => number;
  private readonly half: number;

  constructor(private readonly opts: CacheOptions) {
    this.now = opts.now ?? Date.now;
    this.half = Math.max(1, Math.ceil(opts.max / 2));
    registry.add(new WeakRef(this));
  }

  private fresh(slot: Slot<V> | undefined): slot is Slot<V> {
    return slot !== undefined && (this.opts.ttlMs === Infinity || this.now() - slot.at < this.opts.ttlMs);
  }

  /** The cached value, or `compute()`'s result, stored. */
  get(key: K, compute: () => V): V {
    const hit = this.young.get(key);
    if (this.fresh(hit)) return hit.value;
    const older = this.old.get(key);
    if (this.fresh(older)) {
      this.put(key, older);
      return older.value;
    }
    const value = compute();
    this.set(key, value);
    return value;
  }

  peek(key: K): V | undefined {
    const hit = this.young.get(key) ?? this.old.get(key);
    return this.fresh(hit) ? hit.value : undefined;
  }

  set(key: K, value: V): void {
    this.put(key, { at: this.opts.ttlMs === Infinity ? 0 : this.now(), value });
  }

  private put(key: K, slot: Slot<V>): void {
    if (this.young.size >= this.half && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, slot);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  get size(): number {
    return this.young.size + this.old.size;
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

/**
 * A string with its own storage. V8 may represent a substring (a line's value, a regex match) as a view that keeps
 * the whole parent text alive: a cache that outlives the document must store copies, not views.
 */
export function ownString(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
