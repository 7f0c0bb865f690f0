import type { Actor } from "../authz/actor";
import { openPeerGates, staffGroupIds, type ReaderContext } from "../annotations/note-access";
import { Prisma } from "../db/generated/client";
import type { TNoteSearchQuery } from "./search-schemas";

// SQL fragments over "Note" n. Every value is a bound parameter (Prisma.sql); nothing the reader sends is spliced in.

export const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

/** Text match through the GIN index on the generated column. */
export const matchesText = (q: string) => Prisma.sql`n."searchVector" @@ ${tsQuery(q)}`;

export const rankOf = (q: string) => Prisma.sql`ts_rank_cd(n."searchVector", ${tsQuery(q)})`;

/**
 * The "note:read" rule as SQL, mirroring visibleNotesWhere (lib/annotations/note-access.ts). Search asks for live
 * notes only (a deleted note is never found, even where a placeholder of it is readable); lists ask for placeholders.
 * Approved public items and approved group items of the reader's groups (a reply only while its thread's note is
 * approved too); the reader's own items in any moderation status; and, in any status, the items the reader
 * moderates: public ones for reviewers and admins, group ones for that group's owners and moderators, and admins.
 * Classmates' notes on an assignment also pass the peer gate (peerGate below), built from the same reader context.
 */
export function visibleToReader(actor: Actor, reader: ReaderContext, { placeholders = false } = {}): Prisma.Sql {
  const { roles } = reader;
  // A reply carries its thread's status (Note.threadStatus): no lookup of the thread per match.
  const approved = Prisma.sql`n."moderationStatus" = 'approved' AND (n."threadId" IS NULL OR n."threadStatus" = 'approved')`;
  const gate = peerGate(reader);
  const branches = [Prisma.sql`(n."visibility" = 'public' AND ${approved} AND ${gate})`];
  if (roles.size) {
    const groups = Prisma.join([...roles.keys()].map((id) => Prisma.sql`${id}::uuid`));
    branches.push(Prisma.sql`(n."visibility" = 'group' AND n."groupId" IN (${groups}) AND ${approved} AND ${gate})`);
  }
  if (actor.kind === "user" && !actor.suspended) {
    branches.push(Prisma.sql`n."authorId" = ${actor.id}::uuid`);
    if (actor.siteRole === "reviewer" || actor.siteRole === "admin") branches.push(Prisma.sql`n."visibility" = 'public'`);
    const staff = staffGroupIds(roles);
    if (actor.siteRole === "admin") branches.push(Prisma.sql`n."visibility" = 'group'`);
    else if (staff.length) {
      branches.push(Prisma.sql`(n."visibility" = 'group' AND n."groupId" IN (${Prisma.join(staff.map((id) => Prisma.sql`${id}::uuid`))}))`);
    }
  }
  // Lists keep a deleted note whose thread has live replies, as a placeholder (visibleNotesWhere); search never finds one.
  const live = placeholders ? Prisma.sql`(n."deletedAt" IS NULL OR n."replyCount" > 0)` : Prisma.sql`n."deletedAt" IS NULL`;
  return Prisma.sql`(${live} AND (${Prisma.join(branches, " OR ")}))`;
}

const uuids = (ids: string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

/**
 * The policy's peerGateOpen (see openPeerGates): no assignment, a group the reader teaches, an assignment whose gate
 * is open now (the app's clock, in the reader context), or a paragraph where the reader wrote its own note for an
 * "after first note" assignment. A reply carries its thread's assignment and paragraph, so it follows its thread.
 */
function peerGate(reader: ReaderContext): Prisma.Sql {
  const { staffGroups, openAssignments, ownParagraphs } = openPeerGates(reader);
  const open = [Prisma.sql`n."assignmentId" IS NULL`];
  if (staffGroups.length) open.push(Prisma.sql`n."groupId" IN (${uuids(staffGroups)})`);
  if (openAssignments.length) open.push(Prisma.sql`n."assignmentId" IN (${uuids(openAssignments)})`);
  for (const [assignmentId, paragraphs] of ownParagraphs) {
    open.push(Prisma.sql`(n."assignmentId" = ${assignmentId}::uuid AND n."paragraphId" IN (${uuids(paragraphs)}))`);
  }
  return Prisma.sql`(${Prisma.join(open, " OR ")})`;
}

export const hasReferenceType = (type: string) => Prisma.sql`n."referenceType" = ${type}::"ReferenceType"`;
export const hasTag = (tag: string) => Prisma.sql`n."tags" @> ARRAY[${tag}]::text[]`;

/** The filters other than reference type and tag (those two are applied apart so that facets can leave out their own). */
export function otherFilters(documentId: string, query: Pick<TNoteSearchQuery, "author" | "group" | "visibility" | "entry" | "paragraph">): Prisma.Sql[] {
  const conditions = [Prisma.sql`n."documentId" = ${documentId}::uuid`];
  if (query.author) conditions.push(Prisma.sql`n."authorId" = ${query.author}::uuid`);
  if (query.group) conditions.push(Prisma.sql`n."groupId" = ${query.group}::uuid`);
  if (query.visibility) conditions.push(Prisma.sql`n."visibility" = ${query.visibility}::"NoteVisibility"`);
  if (query.entry) conditions.push(Prisma.sql`n."referenceEntryId" = ${query.entry}`);
  if (query.paragraph) {
    conditions.push(
      Prisma.sql`n."paragraphId" = (SELECT p."id" FROM "Paragraph" p WHERE p."documentId" = ${documentId}::uuid AND p."anchorId" = ${query.paragraph})`,
    );
  }
  return conditions;
}

export const all = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);
