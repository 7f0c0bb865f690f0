import { describe, expect, it } from "vitest";
import { renderEditionTextHtml, renderFootnotesHtml } from "@/components/reading/edition-text-html";
import type { ReadingEdition, ReadingParagraph } from "@/lib/documents/reading-edition";

function paragraph(overrides: Partial<ReadingParagraph>): ReadingParagraph {
  return { anchorId: "p1", kind: "body", number: 1, text: "", marks: [], calledFrom: [], ...overrides };
}

function edition(paragraphs: ReadingParagraph[]): ReadingEdition {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    slug: "x", title: "T", author: "A", dateLine: null, writtenText: null, writtenOn: null, place: null, translation: null,
    firstPublication: null, transcriptionCredit: null, licenceText: "L", sourceUrl: null, lastUpdatedText: null,
    lastUpdatedOn: null, textRevision: 1, paragraphs,
  };
}

describe("the edition's text as HTML", () => {
  it("escapes the text, so markup in a source can never become markup on the page", () => {
    const html = renderEditionTextHtml(edition([paragraph({ text: `<script>alert("x")</script> & 'quotes'` })]));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(html).not.toContain("<script>");
  });

  it("puts a footnote mark back at its code-point offset, also after characters outside the BMP", () => {
    const link = { label: "1", markAnchorId: "p1", markOffset: 3, footnoteAnchorId: "fn1" };
    const html = renderEditionTextHtml(edition([paragraph({ text: "𝔄𝔅𝔆 rest", marks: [link] })]));
    expect(html).toContain(`𝔄𝔅𝔆<sup class="footnote-mark"><a id="fnref1" href="#fn1" aria-label="Footnote 1">1</a></sup> rest`);
    const footnotes = renderFootnotesHtml(
      edition([paragraph({ anchorId: "fn1", kind: "footnote", number: null, text: "Note.", calledFrom: [link] })]),
    );
    expect(footnotes).toContain(`<p id="fn1" tabindex="-1" class="block-text"><span class="footnote-label">1.</span> Note.`);
    expect(footnotes).toContain(`href="#fnref1"`);
  });

  it("gives each citable block its anchor, number and actions, and the section break none", () => {
    const html = renderEditionTextHtml(
      edition([
        paragraph({ anchorId: "s1", kind: "salutation", number: null, text: "To all!" }),
        paragraph({ anchorId: null, kind: "section_break", number: null, text: "* * *" }),
        paragraph({ anchorId: "p12", number: 12, text: "Body." }),
        paragraph({ anchorId: "p13", kind: "blockquote", number: 13, text: "“Quoted.”" }),
      ]),
    );
    expect(html).toContain(`<p id="s1" tabindex="-1" class="block-text">To all!</p>`);
    expect(html).toContain(`aria-label="Copy link to salutation 1"`);
    expect(html).toContain(`<hr class="section-break" aria-label="Section break">`);
    expect(html).not.toContain("* * *");
    expect(html).toContain(`<a class="paragraph-number" href="#p12" aria-label="Link to paragraph 12">12</a>`);
    expect(html).toContain(`data-action="cite" data-anchor="p12" data-label="paragraph 12" data-locator="12"`);
    expect(html).toContain(`<blockquote id="p13" tabindex="-1" class="block-text" aria-label="paragraph 13"><p>“Quoted.”</p></blockquote>`);
  });
});
