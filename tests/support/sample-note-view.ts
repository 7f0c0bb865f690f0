import { ZNoteView, type NoteView } from "@/lib/annotations/note-view";

/** Ids the W3C and import tests share, so an export made by one reads as the other expects. */
export const SAMPLE_IDS = {
  note: "5b1f0c1e-8a8e-4c59-9d1e-0c1d2e3f4a5b",
  reply: "9b2e0c1e-8a8e-4c59-9d1e-0c1d2e3f4a5c",
  replyToReply: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  author: "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed",
  group: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
} as const;

/** A note as the JSON API shows it, checked against ZNoteView (so it is one the app can produce), with overrides. */
export function sampleNoteView(overrides: Partial<NoteView> = {}): NoteView {
  return ZNoteView.parse({
    id: SAMPLE_IDS.note,
    paragraph: "p12",
    quote: { exact: "the Opposition", prefix: "against ", suffix: " and" },
    position: { start: 8, end: 22 },
    anchorStatus: "anchored",
    referenceType: "organisation",
    body: "The *Left* Opposition, as Trotsky calls it.",
    bodyHtml: "<p>The <em>Left</em> Opposition, as Trotsky calls it.</p>",
    tags: [],
    sources: [],
    visibility: "public",
    group: null,
    author: { id: SAMPLE_IDS.author, displayName: "Ada Reader" },
    version: 1,
    moderationStatus: "approved",
    moderationReason: null,
    moderationRevision: 0,
    lockedAt: null,
    openFlagCount: 0,
    assignmentId: null,
    referenceEntry: null,
    threadId: null,
    parentId: null,
    replyCount: 0,
    deleted: false,
    actions: { mayReply: true, mayFlag: true, mayEdit: false, mayDelete: false, mayModerate: false },
    createdAt: "2026-01-02T03:04:05.000Z",
    updatedAt: "2026-01-03T04:05:06.000Z",
    ...overrides,
  });
}
