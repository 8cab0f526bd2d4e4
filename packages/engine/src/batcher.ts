export type TBatcherOptions = {
  /** batches sent at once; the rest wait and then go out together */
  maxInFlight?: number;
  /** items in one batch at most */
  maxBatch?: number;
};

type TPending<TIn, TOut> = {
  item: TIn;
  resolve(result: TOut): void;
  reject(error: unknown): void;
};

/**
 * Group commit: an item is sent at once when a slot is free; items that arrive while
 * all slots are busy go out together in the next batch. One statement for many steps
 * costs the database far less than one each, and a single item still waits for nobody.
 * `send` answers one result per item, in order. When a batch of several fails, each of
 * its items is sent again alone, so one item's bad data fails only that item.
 */
export const createBatcher = <TIn, TOut>(
  send: (items: TIn[]) => Promise<TOut[]>,
  { maxInFlight = 1, maxBatch = 64 }: TBatcherOptions = {},
): ((item: TIn) => Promise<TOut>) => {
  const queue: TPending<TIn, TOut>[] = [];
  let inFlight = 0;

  const sendAlone = (pending: TPending<TIn, TOut>) =>
    send([pending.item]).then(([result]) => pending.resolve(result as TOut), pending.reject);

  const sendBatch = async (batch: TPending<TIn, TOut>[]) => {
    if (batch.length === 1) return sendAlone(batch[0]!);
    let results: TOut[];
    try {
      results = await send(batch.map((pending) => pending.item));
    } catch {
      await Promise.all(batch.map(sendAlone));
      return;
    }
    for (const [i, pending] of batch.entries()) pending.resolve(results[i] as TOut);
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length) {
      inFlight++;
      void sendBatch(queue.splice(0, maxBatch)).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return (item) =>
    new Promise<TOut>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
};
