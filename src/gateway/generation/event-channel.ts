/**
 * A one-reader queue from a producer that must not wait (the pipeline) to a reader that may be slow
 * (an HTTP response). Bounded by the generation itself: one generation's events.
 */
export function eventChannel<T>(): { push: (value: T) => void; end: () => void; events: AsyncIterableIterator<T> } {
  let queue: T[] = [];
  let head = 0;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const events: AsyncIterableIterator<T> = {
    async next() {
      while (head === queue.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
      if (head === queue.length) return { done: true, value: undefined };
      const value = queue[head++]!;
      if (head === queue.length) (queue = []), (head = 0);
      return { done: false, value };
    },
    async return() {
      (queue = []), (head = 0);
      ended = true;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    push: (value) => {
      if (ended) return;
      queue.push(value);
      notify();
    },
    end: () => {
      ended = true;
      notify();
    },
    events,
  };
}
