import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { mentionKey } from "./mentions";
import { readersAmong } from "./readers-among";

type Client = Prisma.TransactionClient | PrismaClient;

/** More matches than this for one item's mentions is not a conversation; the rest are not told. */
const MAX_MATCHES = 50;

type Item = { id: string; threadId: string | null; visibility: "private" | "group" | "public"; groupId: string | null };

/**
 * The users that mention keys (mentions.ts) name and who can read the item. Candidates are the thread's participants
 * and, for a group item, the group's members; for a public item anyone whose name matches. A private item is read by
 * its author alone, so its mentions name nobody. Two people with the same name are both told.
 *
 * PostgreSQL computes the key from display names (lower-case, separators removed) to find candidates; the exact
 * key (mentionKey) is checked again here, and the policy decides who of them may read the item.
 */
export async function mentionedReaders(tx: Client, item: Item, keys: string[]): Promise<string[]> {
  if (!keys.length || item.visibility === "private") return [];
  const threadId = item.threadId ?? item.id;
  const inGroup = item.visibility === "group" && item.groupId;
  const rows = await tx.$queryRaw<{ id: string; displayName: string }[]>`
    SELECT u.id, u."displayName" FROM "User" u
    WHERE u."deletedAt" IS NULL AND u.status = 'active'
      AND regexp_replace(lower(u."displayName"), '[[:space:]._''’-]+', '', 'g') = ANY(${keys}::text[])
      AND (
        ${item.visibility === "public"}::boolean
        OR EXISTS (SELECT 1 FROM "Note" n WHERE n."authorId" = u.id AND (n.id = ${threadId}::uuid OR n."threadId" = ${threadId}::uuid))
        OR (${inGroup ? item.groupId : null}::uuid IS NOT NULL
            AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m."groupId" = ${inGroup ? item.groupId : null}::uuid))
      )
    ORDER BY u.id
    LIMIT ${MAX_MATCHES}`;
  const wanted = new Set(keys);
  const named = rows.filter((row) => wanted.has(mentionKey(row.displayName))).map((row) => row.id);
  return readersAmong(tx, item.id, named);
}
