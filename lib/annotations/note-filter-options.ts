import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { readerContext, visibleNotesWhere } from "./note-access";

/** How many recent notes the tag choices are drawn from: enough for the common tags, cheap at 100,000 notes. */
const TAG_SAMPLE = 2000;
const MAX_TAGS = 40;

export type NoteFilterOptions = { authors: { id: string; name: string }[]; tags: string[] };

/** The authors and tags a reader can filter the letter's notes by: only those of notes the reader may see. */
export async function noteFilterOptions(prisma: PrismaClient, actor: Actor, slug: string): Promise<NoteFilterOptions> {
  const reader = await readerContext(prisma, actor);
  const where = { AND: [visibleNotesWhere(actor, reader), { document: { slug }, threadId: null, deletedAt: null }] };
  const [authorGroups, recent] = await Promise.all([
    prisma.note.groupBy({ by: ["authorId"], where, _count: { _all: true }, orderBy: { _count: { authorId: "desc" } }, take: 100 }),
    prisma.note.findMany({ where, select: { tags: true }, orderBy: { createdAt: "desc" }, take: TAG_SAMPLE }),
  ]);
  const users = await prisma.user.findMany({ where: { id: { in: authorGroups.map((group) => group.authorId) } }, select: { id: true, displayName: true } });
  const tagCounts = new Map<string, number>();
  for (const note of recent) for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  return {
    authors: users.map((user) => ({ id: user.id, name: user.displayName })).sort((a, b) => a.name.localeCompare(b.name)),
    tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_TAGS).map(([tag]) => tag).sort(),
  };
}
