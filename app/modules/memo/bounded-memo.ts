/**
 * Values costly to make and cheap to use (formatters, validation schemas), made once per key and
 * kept. Keys come from a small world (languages, zones, a forum's rules), but a bound keeps a
 * stream of unexpected ones from growing the process: past `limit` keys everything is forgotten
 * and made again on demand, which costs only time.
 */
export function boundedMemo<V>(limit: number): (key: string, make: () => V) => V {
  const made = new Map<string, V>();
  return (key, make) => {
    let value = made.get(key);
    if (value === undefined) {
      if (made.size >= limit) made.clear();
      value = make();
      made.set(key, value);
    }
    return value;
  };
}
