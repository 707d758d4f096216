/**
 * Remembers `compute` for frozen arguments only: a frozen reply (one the bot remembers for a recent
 * question) never changes, so what is made from it never does either. Other arguments are computed each
 * time. Entries go when their argument is garbage collected.
 */
export function rememberForFrozen<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (!Object.isFrozen(key)) return compute(key);
    if (made.has(key)) return made.get(key)!;
    const value = compute(key);
    made.set(key, value);
    return value;
  };
}
