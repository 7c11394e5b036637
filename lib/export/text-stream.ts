// A text download produced batch by batch: the stream asks for the next batch only when its reader has taken the
// previous one, so a slow client holds back the database reads and memory stays at about one batch.
export interface TextStreamParts<T> {
  head: string;
  /** the text of one item; `index` counts items across batches */
  item: (row: T, index: number) => string;
  tail: string;
}

export function batchedTextStream<T>(batches: AsyncIterable<T[]>, parts: TextStreamParts<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  let index = 0;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(parts.head));
          return;
        }
        const next = await it.next();
        if (next.done) {
          controller.enqueue(encoder.encode(parts.tail));
          controller.close();
          return;
        }
        let text = "";
        for (const row of next.value) text += parts.item(row, index++);
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        // the client went away: let the generator close its database work
        await it.return?.();
      },
    },
    // one chunk (a batch) in the queue at a time
    { highWaterMark: 1 },
  );
}
