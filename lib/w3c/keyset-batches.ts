import type { KeyedId } from "./annotation-ids";

/**
 * Rows in creation order, batch by batch by keyset, for streamed exports: each batch is read while the one before is
 * being sent, so the database's time and the encoding overlap, and memory holds at most two batches. `load` reads
 * the `size` ids after a position (null: from the start) and their items; a batch shorter than `size` is the last.
 */
export async function* keysetBatches<T>(load: (after: KeyedId | null) => Promise<{ ids: KeyedId[]; items: T[] }>, size: number): AsyncGenerator<T[]> {
  // A batch still being read when the client goes away must not become an unhandled rejection.
  const prefetch = (after: KeyedId | null) => {
    const batch = load(after);
    batch.catch(() => undefined);
    return batch;
  };
  let pending: ReturnType<typeof load> | null = prefetch(null);
  while (pending) {
    const { ids, items }: Awaited<ReturnType<typeof load>> = await pending;
    pending = ids.length === size ? prefetch(ids.at(-1)!) : null;
    if (items.length) yield items;
  }
}
