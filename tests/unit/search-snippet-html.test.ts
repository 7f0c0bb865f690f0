import { describe, expect, it } from "vitest";
import { MARK_START as S, MARK_STOP as E, headlineToHtml, stripMarkers } from "@/lib/search/snippet-html";
import { decodeSearchCursor, encodeSearchCursor } from "@/lib/search/search-cursor";
import { ZNoteSearchQuery } from "@/lib/search/search-schemas";

describe("headlineToHtml", () => {
  it("escapes the text and turns the markers into <mark>", () => {
    expect(headlineToHtml(`The ${S}Thermidor${E} & <script>alert("x")</script>`)).toBe(
      "The <mark>Thermidor</mark> &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
    );
  });

  it("escapes markup inside a match too", () => {
    expect(headlineToHtml(`${S}<img src=x onerror='alert(1)'>${E}`)).toBe("<mark>&lt;img src=x onerror=&#39;alert(1)&#39;&gt;</mark>");
  });

  it("keeps <mark> balanced whatever the markers", () => {
    expect(headlineToHtml(`${S}${S}a${E}${E} b ${S}c`)).toBe("<mark>a</mark> b <mark>c</mark>");
    expect(headlineToHtml(`${E}a`)).toBe("a");
  });

  it("leaves no markup but <mark> for any input", () => {
    const payloads = ['"><svg onload=alert(1)>', "<a href=javascript:alert(1)>x</a>", "&lt;script&gt;", "`${x}`", "<!--", "]]>"];
    for (const payload of payloads) {
      const html = headlineToHtml(`${S}${payload}${E} ${payload}`);
      expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"']/);
    }
  });

  it("stripMarkers removes markers a note's own text might contain, so it cannot forge a highlight", () => {
    expect(stripMarkers(`a${S}b${E}c`)).toBe("abc");
    expect(headlineToHtml(stripMarkers(`${S}forged${E}`))).toBe("forged");
  });
});

describe("search cursor", () => {
  it("round-trips a float4 rank and an id", () => {
    const id = "0b6f2a44-5a0e-4a43-9c55-3a1d2f0e9b11";
    expect(decodeSearchCursor(encodeSearchCursor(0.1, id))).toEqual({ rank: 0.1, id });
  });

  it("refuses a cursor that is not one of ours", () => {
    for (const forged of ["", "abc", Buffer.from("x|y").toString("base64url"), Buffer.from("-1|0b6f2a44-5a0e-4a43-9c55-3a1d2f0e9b11").toString("base64url")]) {
      expect(() => decodeSearchCursor(forged)).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
  });
});

describe("search query", () => {
  // The query string as the route's binding and the search page read it: one value per name.
  const record = (query: string) => Object.fromEntries(new URLSearchParams(query));

  it("drops empty filters a GET form sends, trims q and defaults the limit", () => {
    expect(ZNoteSearchQuery.parse(record("q=%20thermidor%20&referenceType=&tag=&group="))).toEqual({ q: "thermidor", limit: 20 });
  });

  it("keeps an empty q for the schema to refuse", () => {
    expect(ZNoteSearchQuery.safeParse(record("q=")).success).toBe(false);
  });
});
