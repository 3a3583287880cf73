/** Every leaf of a dictionary of UI strings, by its dotted path: for the tests of each language. */
type Entry = [path: string, value: unknown];

export function leaves(dictionary: object, prefix = ''): Entry[] {
  return Object.entries(dictionary).flatMap(([key, value]): Entry[] =>
    typeof value === 'object' && value !== null
      ? leaves(value as object, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}
