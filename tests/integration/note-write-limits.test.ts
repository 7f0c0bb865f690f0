import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/note-operations";
import { createReply } from "@/lib/annotations/reply-operations";
import type { Actor } from "@/lib/authz/actor";
import { flagNote } from "@/lib/moderation/flag-operations";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { getRateLimiters } from "@/lib/rate-limit/app-rate-limiters";
import { createAnnotation } from "@/lib/w3c/annotation-writes";
import { appErrorOf, seedUser, signIn } from "./support/account-fixtures";
import { createControllableClock } from "./support/controllable-clock";
import { LETTER_SLUG as SLUG, importLetter } from "./support/letter-readers";
import { noteDraft } from "./support/note-draft";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// The writes limit is part of the note, reply and flag operations' definitions: whatever calls them (the JSON API,
// the W3C protocol, a script) counts the same, once per write, and a refused write gives its point back.
const clock = createControllableClock();
const draft = noteDraft({ paragraph: "p3", referenceType: "organisation", body: "A note." });
let db: TestDatabase;
let author: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  await importLetter(db.prisma);
  author = (await signIn(db.prisma, (await seedUser(db.prisma, { trusted: true })).id, clock)).actor;
});

afterAll(async () => {
  await db?.drop();
});

/** A trusted writer with all but `left` of the hour's writes used. */
async function writerWith(left: number): Promise<Actor> {
  const actor = (await signIn(db.prisma, (await seedUser(db.prisma, { trusted: true })).id, clock)).actor;
  const limiter = getRateLimiters().writesByUser;
  for (let used = 0; used < RATE_LIMITS.writesByUser.points - left; used += 1) await limiter.consume((actor as Extract<Actor, { kind: "user" }>).id);
  return actor;
}

describe("the hourly writes limit of notes, replies and flags", () => {
  it("refuses a note, a reply and a flag past the limit with 429, however they are called", async () => {
    const note = await createNote(db.prisma, author, { slug: SLUG, ...draft() });
    const writer = await writerWith(0);
    for (const write of [
      () => createNote(db.prisma, writer, { slug: SLUG, ...draft() }),
      () => createReply(db.prisma, writer, { noteId: note.id, body: "Too many." }),
      () => flagNote(db.prisma, writer, { noteId: note.id, reason: "spam" }),
    ]) {
      const error = await appErrorOf(write());
      expect(error.code).toBe("rate_limited");
      expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("gives a refused write's point back: a note on no paragraph, then a good one, fit in the last write", async () => {
    const writer = await writerWith(1);
    expect((await appErrorOf(createNote(db.prisma, writer, { slug: SLUG, ...draft({ paragraph: "p9999" }) }))).code).toBe("bad_request");
    await createNote(db.prisma, writer, { slug: SLUG, ...draft() });
    expect((await appErrorOf(createNote(db.prisma, writer, { slug: SLUG, ...draft() }))).code).toBe("rate_limited");
  });

  it("counts an annotation written through the W3C protocol once", async () => {
    const writer = await writerWith(1);
    const body = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "commenting",
      bodyValue: "Through the protocol.",
      target: { source: `https://marginalia.test/letters/${SLUG}`, selector: { type: "FragmentSelector", value: "p3" } },
    };
    await createAnnotation(db.prisma, writer, SLUG, body, "https://marginalia.test");
    expect((await appErrorOf(createAnnotation(db.prisma, writer, SLUG, body, "https://marginalia.test"))).code).toBe("rate_limited");
  });
});
