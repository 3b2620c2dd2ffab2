/**
 * Turns an async iterable of batches into an async iterator of items. An async generator doing `yield* batch` pays
 * for several promise hops per item (about 0.4 µs, 5 % of a parse at 100,000 records/s); this iterator answers from
 * the current batch with one resolved promise and only awaits the source between batches.
 */
export function flattenBatches<T>(source: AsyncIterable<readonly T[]>): AsyncIterableIterator<T> {
  const it = source[Symbol.asyncIterator]();
  let batch: readonly T[] = [];
  let i = 0;
  const done: IteratorReturnResult<undefined> = { value: undefined, done: true };
  const self: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => self,
    next: (): Promise<IteratorResult<T>> => {
      if (i < batch.length) return Promise.resolve({ value: batch[i++]!, done: false });
      return it.next().then((r): Promise<IteratorResult<T>> | IteratorResult<T> => {
        if (r.done) return done;
        batch = r.value;
        i = 0;
        return self.next();
      });
    },
    // An early `break` in the consumer closes the source (and with it the request stream) at once.
    return: async (): Promise<IteratorResult<T>> => {
      batch = [];
      await it.return?.();
      return done;
    },
  };
  return self;
}
