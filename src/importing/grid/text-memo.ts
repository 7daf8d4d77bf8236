/**
 * A function of a cell's text, remembered for the cells seen last. The table readers test every
 * cell of every row against each kind of heading, keying it each time; remembered, a cell is keyed
 * once, so the cost of a row no longer grows with the number of tests times the length of its
 * cells. The memory is bounded: when `size` texts are held, all are forgotten and it starts again.
 */
export function textMemo<T>(compute: (text: string) => T, size = 4096): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    if (known.size >= size) known.clear();
    known.set(text, value);
    return value;
  };
}
