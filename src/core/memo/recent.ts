/**
 * Remembers the results of a pure function of one string for the `size` most recently used strings. Staff
 * ask the same few questions again and again; a bounded cache answers those without searching, and a
 * stream of distinct questions cannot grow it without limit.
 *
 * Results are frozen (deeply) when stored: every caller gets the same object, so none may change it. With
 * `size` 0 nothing is remembered or frozen.
 */
export function rememberRecent<T>(size: number, compute: (key: string) => T): (key: string) => T {
  if (size <= 0) return compute;
  const recent = new Map<string, T>();
  return (key) => {
    const known = recent.get(key);
    if (known !== undefined) {
      // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
      recent.delete(key);
      recent.set(key, known);
      return known;
    }
    const value = deepFreeze(compute(key));
    if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    recent.set(key, value);
    return value;
  };
}

/** Freezes an object and everything inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}
