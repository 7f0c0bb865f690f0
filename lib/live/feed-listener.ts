import pg from "pg";
import type { PrismaClient } from "../db/create-prisma-client";
import { log } from "../log";
import { currentCursor, hasHeldBack, readFeed, type FeedCursor, type FeedEvent } from "./change-feed";

export const FEED_CHANNEL = "marginalia_changes";

type Options = {
  connectionString: string;
  /** Reads the feed (Prisma's pool); the LISTEN connection is a dedicated pg client outside it. */
  db: PrismaClient;
  /** Called once per event, in feed order; a failure is logged and does not stop the listener. */
  onEvent: (event: FeedEvent) => Promise<void> | void;
  /** Where to start; by default after everything final when it starts. */
  from?: FeedCursor;
  /** While an announced event is still held back by an older running transaction, re-read this often. */
  heldBackPollMs?: number;
  maxBackoffMs?: number;
};

/**
 * One per app process: a dedicated LISTEN connection, reconnected with exponential backoff. A notification only says
 * "read the feed": events are read from the table after the last delivered cursor, so a lost connection, a missed
 * notification or a burst loses nothing and delivers each event once, in (xid, id) order (lib/live/change-feed.ts).
 */
export class FeedListener {
  private client: pg.Client | null = null;
  private cursor: FeedCursor | null;
  private stopped = false;
  private reading: Promise<void> | null = null;
  private again = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private backoffMs = 100;

  constructor(private readonly options: Options) {
    this.cursor = options.from ?? null;
  }

  get position(): FeedCursor | null {
    return this.cursor;
  }

  async start(): Promise<void> {
    if (!this.cursor) this.cursor = await currentCursor(this.options.db);
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await this.reading;
  }

  /** Ends the LISTEN connection as a network failure would (tests); the listener reconnects and catches up. */
  dropConnectionForTest(): void {
    (this.client as unknown as { connection?: { stream?: { destroy: () => void } } } | null)?.connection?.stream?.destroy();
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      const client = new pg.Client({ connectionString: this.options.connectionString });
      try {
        client.on("notification", () => this.read());
        client.on("error", (error) => this.lost(client, error));
        client.on("end", () => this.lost(client, new Error("connection ended")));
        await client.connect();
        await client.query(`LISTEN ${FEED_CHANNEL}`);
        this.client = client;
        this.backoffMs = 100;
        // What was committed while there was no connection.
        this.read();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        log.warn("live.listen-failed", { error, retryInMs: this.backoffMs });
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs));
        this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 10_000);
      }
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    log.warn("live.listen-lost", { error });
    void this.connect();
  }

  /** Reads until caught up; a notification during a read makes it read once more. */
  private read(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        try {
          for (let batch = await readFeed(this.options.db, this.cursor!); batch.length > 0; batch = await readFeed(this.options.db, this.cursor!)) {
            for (const event of batch) {
              this.cursor = { xid: event.xid, id: event.id };
              try {
                await this.options.onEvent(event);
              } catch (error) {
                log.error("live.event-failed", { error, event: event.id.toString() });
              }
            }
          }
        } catch (error) {
          log.warn("live.read-failed", { error });
        }
      } while (this.again && !this.stopped);
      const heldBack = !this.stopped && (await hasHeldBack(this.options.db, this.cursor!).catch(() => false));
      this.reading = null;
      if (heldBack) this.scheduleHeldBack();
    })();
  }

  /** Announced but not yet final (an older transaction still runs): look again shortly. */
  private scheduleHeldBack(): void {
    if (this.stopped || this.pollTimer) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.read();
    }, this.options.heldBackPollMs ?? 200);
  }
}
