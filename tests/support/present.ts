/**
 * Checks that a test relies on: the item is there, or the test fails naming what was missing
 * (where `list[i]!` would only assume it and fail later with a vaguer TypeError).
 */
export function itemAt<T>(list: readonly T[], index: number, what: string): T {
  const item = list[index];
  if (item === undefined) throw new Error(`${what}: expected an item at index ${index}, found ${list.length} items`);
  return item;
}

/** A value that a lookup must have found (Array.find, Map.get, a regular expression group, an environment variable). */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what}: not found`);
  return value;
}
