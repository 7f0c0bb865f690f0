import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/review/bar-chart";
import { formatDuration } from "@/components/review/review-format";
import { ReviewItem } from "@/components/review/review-item";
import { ReviewQueueKeys } from "@/components/review/review-queue-keys";
import type { NoteView } from "@/lib/annotations/note-view";
import { ZReviewItem, type ReviewItem as Item } from "@/lib/moderation/review-queue-view";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function note(n: number, overrides: Partial<NoteView> = {}): NoteView {
  return {
    id: id(n),
    paragraph: "p3",
    quote: null,
    position: null,
    anchorStatus: "anchored",
    referenceType: "concept",
    body: `Body ${n}`,
    bodyHtml: `<p>Body ${n}</p>`,
    tags: [],
    sources: [],
    visibility: "public",
    group: null,
    author: { id: id(100 + n), displayName: `Writer ${n}` },
    version: 1,
    moderationStatus: "pending",
    moderationReason: null,
    moderationRevision: 0,
    lockedAt: null,
    openFlagCount: 0,
    referenceEntry: null,
    threadId: null,
    parentId: null,
    replyCount: 0,
    deleted: false,
    actions: { mayReply: true, mayFlag: false, mayEdit: false, mayDelete: false, mayModerate: true },
    createdAt: "2026-11-25T10:00:00.000Z",
    updatedAt: "2026-11-25T10:00:00.000Z",
    ...overrides,
  };
}

const item: Item = ZReviewItem.parse({
  note: note(1, { replyCount: 1, openFlagCount: 2 }),
  moderationRevision: 3,
  moderationStatus: "approved",
  queuedAt: "2026-11-25T09:00:00.000Z",
  openFlagCount: 2,
  documentSlug: "reply-to-stalin",
  passage: { anchorId: "p3", label: "paragraph 3", before: "The ", quote: "Opposition", after: " stands.", orphaned: false },
  thread: { note: note(1), replies: [{ ...note(2, { threadId: id(1), parentId: id(1), moderationStatus: "hidden" }), depth: 1, inReplyTo: null }] },
  opensThread: true,
  locked: false,
  flags: [{ id: id(50), reason: "offensive", comment: "<b>rude</b>", flagger: "Flagger", createdAt: "2026-11-25T09:00:00.000Z" }],
  author: { id: id(101), displayName: "Writer 1", trusted: false, suspended: false, itemCount: 4, decisions: { hide: 2 } },
  history: null,
  records: [],
  batch: null,
});

describe("review page parts", () => {
  it("an item is a focusable article the keys find, with its decisions, key hints and escaped text", () => {
    const html = renderToStaticMarkup(
      createElement(ReviewQueueKeys, {
        label: "Items to review",
        children: createElement(ReviewItem, { item, position: 1, canSuspend: false, now: new Date("2026-11-25T12:00:00Z") }),
      }),
    );
    expect(html).toMatch(/<article id="review-[^"]+" class="review-item" tabindex="-1" data-review-item="true"/);
    expect(html).toContain('aria-label="Items to review"');
    expect(html).toContain("waiting 3 h");
    expect(html).toContain("<mark><span class=\"visually-hidden\">[passage: </span>Opposition");
    expect(html).toMatch(/data-shortcut="a" aria-keyshortcuts="a">Approve <kbd aria-hidden="true">a<\/kbd>/);
    expect(html).toContain('data-shortcut="h"');
    expect(html).toContain('data-shortcut="s"');
    expect(html).toContain("Lock thread");
    expect(html).not.toContain("Suspend author");
    // A flag's comment is text, never markup.
    expect(html).toContain("&lt;b&gt;rude&lt;/b&gt;");
    expect(html).toContain("Past decisions on their items: hide 2.");
    expect(html).toContain("Keyboard shortcuts");
    expect(html).toContain("Single-key shortcuts");
  });

  it("a hidden item offers Restore instead of Approve, and no Hide", () => {
    const hidden = { ...item, moderationStatus: "hidden" as const, opensThread: false };
    const html = renderToStaticMarkup(
      createElement(ReviewQueueKeys, { label: "Items", children: createElement(ReviewItem, { item: hidden, position: 1, canSuspend: true, now: new Date() }) }),
    );
    expect(html).toContain("Restore");
    expect(html).not.toContain('data-shortcut="a"');
    expect(html).not.toContain('data-shortcut="h"');
    expect(html).not.toContain("Lock thread");
    expect(html).toContain("Suspend author");
  });

  it("the lead of an import waiting for review says what came in and that a decision takes all of it", () => {
    const lead = {
      ...item,
      moderationStatus: "pending" as const,
      batch: {
        id: id(70),
        source: "Hypothesis",
        createdAt: "2026-11-25T08:00:00.000Z",
        noteCount: 9_990,
        replyCount: 10,
        anchored: 9_000,
        moved: 900,
        orphaned: 90,
        pending: 10_000,
        sample: [
          { id: id(71), place: "paragraph 4", quote: "<i>quoted</i>", bodyHtml: "<p>Sampled note.</p>", reply: false },
          { id: id(72), place: null, quote: "lost", bodyHtml: "<p>An orphan.</p>", reply: false },
        ],
      },
    };
    const html = renderToStaticMarkup(
      createElement(ReviewQueueKeys, { label: "Items", children: createElement(ReviewItem, { item: lead, position: 1, canSuspend: false, now: new Date() }) }),
    );
    expect(html).toContain("An import from Hypothesis: 9,990 notes, 10 replies");
    expect(html).toContain("10,000 still waiting: approving, hiding or marking this item as spam decides all of them.");
    expect(html).toMatch(/aria-keyshortcuts="a">Approve all 10,000/);
    expect(html).toContain("Hide all 10,000…");
    expect(html).toContain("Note on paragraph 4 · “&lt;i&gt;quoted&lt;/i&gt;”");
    expect(html).toContain("Note · orphaned: its passage was not found in the letter · “lost”");
    expect(html).toContain("<p>Sampled note.</p>");
    // An item that is not a batch's lead reads as before.
    expect(renderToStaticMarkup(createElement(ReviewItem, { item: { ...item, moderationStatus: "pending" }, position: 1, canSuspend: false, now: new Date() }))).not.toContain("Approve all");
  });

  it("a chart is one labelled image with a title per bar and its figures in a table", () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        layout: "rows",
        summary: "Open flags by reason: 3 in all.",
        bars: [
          { key: "spam", label: "Spam", value: 2, valueText: "2 open flags" },
          { key: "other", label: "Other", value: 1, valueText: "1 open flag" },
        ],
        table: { caption: "Flags by reason", headers: ["Reason", "Open"], rows: [["Spam", 2], ["Other", 1]] },
      }),
    );
    expect(html).toContain('role="img" aria-label="Open flags by reason: 3 in all."');
    expect(html).toContain("<title>Spam: 2 open flags</title>");
    expect(html).toContain('<caption>Flags by reason</caption>');
    expect(html).toContain('<th scope="row">Spam</th><td>2</td>');
    expect(html).not.toContain("style=");
  });

  it("durations read short", () => {
    expect([formatDuration(30), formatDuration(600), formatDuration(3 * 3600 + 900), formatDuration(30 * 3600), formatDuration(50 * 3600)]).toEqual([
      "under a minute",
      "10 min",
      "3 h 15 min",
      "30 h",
      "2 d 2 h",
    ]);
  });
});
