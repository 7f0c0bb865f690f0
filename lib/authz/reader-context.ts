import type { GroupRoleName } from "./actor";

export type PeerVisibilityName = "always" | "after_first_note" | "after_due";
export type AssignmentGate = { peerVisibility: PeerVisibilityName; dueAt: Date };

/**
 * What the policy needs to know about the reader, loaded once per request and used for every note it reads: its
 * roles in its groups, the assignments of those groups (their peer visibility and due instant), the paragraphs on
 * which it has written a live note of its own for each assignment, and the instant due dates are compared with.
 * Loaded by lib/annotations/note-access.ts (readerContext); pure here, so the policy's query forms can read it.
 */
export type ReaderContext = {
  roles: Map<string, GroupRoleName>;
  assignments: Map<string, AssignmentGate>;
  /** assignmentId → the paragraphs with the reader's own live note (not a reply) for that assignment. */
  ownNoteParagraphs: Map<string, Set<string>>;
  now: Date;
};

export const emptyReaderContext = (now: Date = new Date()): ReaderContext => ({ roles: new Map(), assignments: new Map(), ownNoteParagraphs: new Map(), now });

/** The groups in which the reader is an owner or moderator (whose items it moderates). */
export function staffGroupIds(roles: Map<string, GroupRoleName>): string[] {
  return [...roles].filter(([, role]) => role === "owner" || role === "moderator").map(([groupId]) => groupId);
}

/**
 * Where peer visibility lets this reader see classmates' notes, as the policy's peerGateOpen decides it, for the query
 * forms: no assignment; a group the reader teaches; an assignment whose gate is open ("always", or past its due
 * instant); or, for "after first note", the paragraphs where the reader has a note of its own for that assignment.
 */
export function openPeerGates(reader: ReaderContext): { staffGroups: string[]; openAssignments: string[]; ownParagraphs: [string, string[]][] } {
  const openAssignments: string[] = [];
  const ownParagraphs: [string, string[]][] = [];
  for (const [id, { peerVisibility, dueAt }] of reader.assignments) {
    if (peerVisibility === "always" || (peerVisibility === "after_due" && reader.now.getTime() >= dueAt.getTime())) openAssignments.push(id);
    const own = reader.ownNoteParagraphs.get(id);
    if (peerVisibility === "after_first_note" && own?.size) ownParagraphs.push([id, [...own]]);
  }
  return { staffGroups: staffGroupIds(reader.roles), openAssignments, ownParagraphs };
}
