import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { jsonLdText, letterJsonLd, letterMetaTags, noteJsonLd, noteMetaTags } from "@/lib/citation/citation-metadata";
import { formatBibtex, formatChicago } from "@/lib/citation/format-citation";
import { formatNoteBibtex, formatNoteChicago, noteCslJson, type NoteCitationSource } from "@/lib/citation/note-citation";

const facts = { author: "L.D. Trotsky", title: "Reply to Stalin", writtenOn: "1928-12-16", place: "Alma-Ata", translation: "By The Militant.", lastModifiedOn: "2012-08-12" };
const URL = "https://marginalia.example/letters/reply-to-stalin";
const note: NoteCitationSource = {
  noteId: "0b5e6a3e-1111-4222-8333-444455556666",
  author: "Natalia </script><script>alert(1)</script> Sedova",
  writtenOn: "2026-12-03",
  locator: "12",
  url: `${URL}?note=0b5e6a3e-1111-4222-8333-444455556666#note-0b5e6a3e-1111-4222-8333-444455556666`,
  accessedOn: "2026-12-04",
  letter: { author: facts.author, title: facts.title },
};

describe("citation metadata", () => {
  it("the letter's tags say what its Cite dialog says: title, author, date, publisher, URL", () => {
    const tags = letterMetaTags(facts, URL, "https://www.marxists.org/archive/trotsky/1928/12/stalin.htm");
    const dialog = { ...facts, url: URL, locator: null, accessedOn: "2026-12-04", publisher: "Marginalia" };
    expect(formatChicago(dialog)).toContain(`“${tags.citation_title}.”`);
    expect(formatChicago(dialog)).toContain("Trotsky, L. D.");
    expect(tags.citation_author).toBe(facts.author);
    expect(tags.citation_date).toBe("1928/12/16");
    expect(tags["DC.date"]).toBe(dialog.writtenOn);
    expect(formatBibtex(dialog)).toContain(`howpublished = {${tags.citation_publisher}}`);
    expect([tags.citation_public_url, tags.citation_fulltext_html_url, tags["DC.identifier"]]).toEqual([URL, URL, URL]);
    expect(tags.citation_language).toBe("en");
    expect(letterJsonLd(facts, URL, null)).toMatchObject({ name: facts.title, author: { name: facts.author }, dateCreated: facts.writtenOn, url: URL, inLanguage: "en" });
  });

  it("a note's tags and its Cite this note formats agree, and BibTeX and CSL-JSON are well formed", () => {
    const tags = noteMetaTags(note);
    expect(tags.citation_title).toBe("Note on paragraph 12 of L.D. Trotsky, “Reply to Stalin”");
    expect(tags.citation_author).toBe(note.author);
    expect(tags.citation_date).toBe("2026/12/03");
    expect(formatNoteChicago(note)).toContain(`“${tags.citation_title}.” Marginalia, December 3, 2026. Accessed December 4, 2026. ${note.url}.`);
    const bibtex = formatNoteBibtex(note);
    expect(bibtex).toMatch(/^@misc\{[a-z]+2026-0b5e6a3e,\n/);
    expect(bibtex).toContain(`url = {${note.url}}`);
    expect(bibtex).toContain("month = dec");
    const [csl] = JSON.parse(noteCslJson(note));
    expect(csl).toMatchObject({ type: "post", title: tags.citation_title, author: [{ literal: note.author }], issued: { "date-parts": [[2026, 12, 3]] }, URL: note.url });
  });

  it("the JSON-LD block cannot be closed by a value: a display name holding </script> stays inside it", () => {
    const value = noteJsonLd(note, URL);
    const text = jsonLdText(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
    const html = renderToStaticMarkup(createElement("script", { type: "application/ld+json", dangerouslySetInnerHTML: { __html: text } }));
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.endsWith("</script>")).toBe(true);
  });
});
