import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchFacet } from "@/components/search/search-facets";
import { SearchForm } from "@/components/search/search-form";
import { searchHref } from "@/components/search/search-href";
import { SearchResults } from "@/components/search/search-results";
import type { SearchResult } from "@/lib/search/search-types";

const SLUG = "reply-to-stalin";

describe("search page parts", () => {
  it("facet links add their filter, keep the others, restart paging, and remove a chosen value", () => {
    const current = { q: "thermidor", tag: "analogy", cursor: "abc" };
    expect(searchHref(SLUG, current, { referenceType: "event" })).toBe(`/letters/${SLUG}/search?q=thermidor&tag=analogy&referenceType=event`);
    const html = renderToStaticMarkup(
      createElement(SearchFacet, {
        slug: SLUG,
        current,
        name: "tag",
        title: "Tags",
        counts: [
          { value: "analogy", count: 2 },
          { value: "french revolution", count: 1 },
        ],
        label: (tag: string) => tag,
      }),
    );
    expect(html).toContain(`href="/letters/${SLUG}/search?q=thermidor" aria-current="true"`);
    expect(html).toContain(`href="/letters/${SLUG}/search?q=thermidor&amp;tag=french+revolution"`);
  });

  it("results insert the escaped snippet with its <mark> and link to the note's thread", () => {
    const result: SearchResult = {
      id: "00000000-0000-4000-8000-000000000002",
      threadId: "00000000-0000-4000-8000-000000000001",
      paragraph: "p3",
      referenceType: "event",
      visibility: "group",
      group: { id: "00000000-0000-4000-8000-000000000009", name: "Readers <b>" },
      author: { id: "00000000-0000-4000-8000-000000000003", displayName: "Ann <img>" },
      tags: [],
      createdAt: "2026-11-25T10:00:00.000Z",
      snippetHtml: "the <mark>Thermidor</mark> &lt;script&gt;",
      quoteHtml: null,
      rank: 1,
      permalink: `/letters/${SLUG}?note=00000000-0000-4000-8000-000000000001#note-00000000-0000-4000-8000-000000000001`,
    };
    const html = renderToStaticMarkup(createElement(SearchResults, { results: [result], typeLabel: () => "Event", paragraphLabel: () => "paragraph 2" }));
    expect(html).toContain("the <mark>Thermidor</mark> &lt;script&gt;");
    expect(html).toContain("Group: Readers &lt;b&gt;");
    expect(html).toContain("Ann &lt;img&gt;");
    expect(html).toContain(`href="/letters/${SLUG}?note=00000000-0000-4000-8000-000000000001#note-00000000-0000-4000-8000-000000000001"`);
    expect(html).toContain("Reply");
  });

  it("the form labels every control and ties field errors to them", () => {
    const html = renderToStaticMarkup(
      createElement(SearchForm, {
        slug: SLUG,
        current: { q: "x" },
        errors: { q: ["At most 200 characters"] },
        groups: [{ id: "00000000-0000-4000-8000-000000000009", name: "Readers" }],
        tags: ["analogy"],
        signedIn: true,
      }),
    );
    for (const id of ["search-q", "search-referenceType", "search-tag", "search-visibility", "search-group"]) {
      expect(html).toContain(`for="${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/aria-invalid="true" aria-describedby="search-q-hint search-q-error"/);
    expect(html).toContain('id="search-q-error"');
    expect(html).toContain('method="get"');
  });
});
