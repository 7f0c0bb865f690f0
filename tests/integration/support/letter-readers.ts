import { readFileSync } from "node:fs";
import type { Clock } from "@/lib/auth/clock";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import type { TEdition } from "@/lib/documents/editions-manifest";
import { importDocument } from "@/lib/documents/import-document";
import type { TLetterText } from "@/lib/references/reference-queries";
import { seedReferenceIndex } from "@/lib/references/seed-reference-index";
import { seedUser, signIn } from "./account-fixtures";

export const LETTER_SLUG = "reply-to-stalin";
export const LETTER_EDITION: TEdition = { slug: LETTER_SLUG, file: "reply-to-stalin.txt", place: "Alma-Ata", sourceUrl: null };
export const LETTER_SOURCE = readFileSync("content/reply-to-stalin.txt", "utf8");

/** The letter as the site imports it, so notes have paragraphs to anchor to. */
export function importLetter(prisma: PrismaClient) {
  return importDocument(prisma, { edition: LETTER_EDITION, source: LETTER_SOURCE, actorLabel: "test" });
}

/**
 * The letter imported with its reference index, and its text as the reference pages read it (anchors, labels,
 * paragraphs): what the tests of entry pages need before anything else.
 */
export async function importLetterWithIndex(prisma: PrismaClient): Promise<TLetterText> {
  await importLetter(prisma);
  await seedReferenceIndex(prisma);
  const paragraphs = await prisma.paragraph.findMany({ where: { anchorId: { not: null } }, orderBy: { ordinal: "asc" } });
  return { slug: LETTER_SLUG, paragraphs: paragraphs.map((paragraph) => ({ anchor: paragraph.anchorId!, label: paragraph.anchorId!, text: paragraph.text })) };
}

type ReaderNames = { author?: string; member?: string; outsider?: string };
type ReaderTrust = { author?: boolean; member?: boolean; outsider?: boolean };

/**
 * The three readers the visibility rules tell apart, each signed in: the author owns the research
 * group "Readers", the member belongs to it, the outsider does not. The author is trusted unless told otherwise (so
 * their public notes are published at once, as before pre-moderation); the others are not, unless `trusted` says so.
 */
export async function seedLetterReaders(
  prisma: PrismaClient,
  clock: Clock,
  { names = {}, trusted = {} }: { names?: ReaderNames; trusted?: ReaderTrust } = {},
) {
  const [a, m, o] = await Promise.all([
    seedUser(prisma, { displayName: names.author, trusted: trusted.author ?? true }),
    seedUser(prisma, { displayName: names.member, trusted: trusted.member ?? false }),
    seedUser(prisma, { displayName: names.outsider, trusted: trusted.outsider ?? false }),
  ]);
  const author = (await signIn(prisma, a.id, clock)).actor;
  const member = (await signIn(prisma, m.id, clock)).actor;
  const outsider = (await signIn(prisma, o.id, clock)).actor;
  const group = await prisma.group.create({
    data: { kind: "research", name: "Readers", createdById: a.id, memberships: { create: [{ userId: a.id, role: "owner" }, { userId: m.id, role: "member" }] } },
  });
  return { author, member, outsider, groupId: group.id, users: { author: a, member: m, outsider: o } };
}
