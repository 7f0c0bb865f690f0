import { describe, expect, it } from "vitest";
import { isAllowedNoteLink, NOTE_LINK_REL, toNoteLinkHref } from "@/lib/markdown/note-link-policy";
import { renderNoteMarkdown } from "@/lib/markdown/render-note-markdown";
import { sanitizeNoteHtml } from "@/lib/markdown/sanitize-note-html";

const REL = `rel="${NOTE_LINK_REL}"`;

function render(source: string): string {
  return renderNoteMarkdown(source).trim();
}

describe("renderNoteMarkdown: what Markdown gives", () => {
  it("renders paragraphs, emphasis, strong, inline code and strikethrough", () => {
    expect(render("*em* _em_ **strong** `a < b` ~~gone~~\n\nsecond")).toBe(
      "<p><em>em</em> <em>em</em> <strong>strong</strong> <code>a &lt; b</code> <del>gone</del></p>\n<p>second</p>",
    );
  });

  it("keeps a single line break as <br>, as a note typed in a text box expects", () => {
    expect(render("one\ntwo")).toBe("<p>one<br />\ntwo</p>");
  });

  it("renders bulleted and numbered lists, keeping a list's starting number", () => {
    expect(render("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(render("3. c\n4. d")).toBe(`<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>`);
    expect(render("1. nested\n   - inner")).toBe("<ol>\n<li>nested\n<ul>\n<li>inner</li>\n</ul>\n</li>\n</ol>");
  });

  it("renders fenced and indented code as <pre><code> with its text escaped and no language class", () => {
    expect(render("```js\nif (a < b && c) {}\n```")).toBe("<pre><code>if (a &lt; b &amp;&amp; c) {}\n</code></pre>");
    expect(render("    <b>indented</b>")).toBe("<pre><code>&lt;b&gt;indented&lt;/b&gt;\n</code></pre>");
  });

  it("renders block quotes and rules", () => {
    expect(render("> quoted\n\n---")).toBe("<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr />");
  });

  it("moves headings down two levels, so a note never adds an h1 or h2 to the page", () => {
    expect(render("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six")).toBe(
      "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Five</h6>\n<h6>Six</h6>",
    );
    expect(render("Setext\n======\n\nOther\n-----")).toBe("<h3>Setext</h3>\n<h4>Other</h4>");
  });

  it("renders tables without alignment styles", () => {
    const html = render("| a | b |\n|:--|--:|\n| 1 | 2 |");
    expect(html).toBe(
      "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>",
    );
  });

  it("keeps typography as typed (no smart quotes or replacements)", () => {
    expect(render(`"quoted" -- (c) 'single'`)).toBe(`<p>"quoted" -- (c) 'single'</p>`);
  });
});

describe("renderNoteMarkdown: links", () => {
  it("links http and https with rel nofollow ugc noopener and no target", () => {
    expect(render("[Marx](https://www.marxists.org/archive/trotsky/) and [old](http://example.org/a?b=1&c=2)")).toBe(
      `<p><a href="https://www.marxists.org/archive/trotsky/" ${REL}>Marx</a> and <a href="http://example.org/a?b=1&amp;c=2" ${REL}>old</a></p>`,
    );
    expect(render("[x](https://example.org)")).not.toContain("target");
  });

  it("keeps a link title", () => {
    expect(render(`[x](https://example.org/ "The title")`)).toBe(`<p><a href="https://example.org/" ${REL} title="The title">x</a></p>`);
  });

  it("links mailto", () => {
    expect(render("[write](mailto:editor@example.org)")).toBe(`<p><a href="mailto:editor@example.org" ${REL}>write</a></p>`);
  });

  it("autolinks <https://…> and bare URLs and e-mail addresses, by the same rules", () => {
    expect(render("<https://example.org/x> https://example.org/y ed@example.org")).toBe(
      `<p><a href="https://example.org/x" ${REL}>https://example.org/x</a> ` +
        `<a href="https://example.org/y" ${REL}>https://example.org/y</a> ` +
        `<a href="mailto:ed@example.org" ${REL}>ed@example.org</a></p>`,
    );
  });

  it.each([
    ["javascript:", "[x](javascript:alert(1))"],
    ["JavaScript: with capitals", "[x](JaVaScRiPt:alert(1))"],
    ["javascript: as entities", "[x](&#106;avascript&#58;alert(1))"],
    ["javascript: split by a tab entity", "[x](java&#9;script:alert(1))"],
    ["javascript: in angle brackets with a space", "[x](<java script:alert(1)>)"],
    ["data:", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript:", "[x](vbscript:msgbox(1))"],
    ["file:", "[x](file:///etc/passwd)"],
    ["a relative path", "[x](/admin)"],
    ["a relative file", "[x](notes.html)"],
    ["a fragment", "[x](#top)"],
    ["protocol-relative //", "[x](//evil.example/)"],
    ["backslashes", "[x](\\\\evil.example\\\\)"],
    ["an autolink to javascript:", "<javascript:alert(1)>"],
    ["a reference definition to javascript:", "[x]\n\n[x]: javascript:alert(1)"],
  ])("drops a link to %s, leaving its text", (_case, source) => {
    const html = render(source);
    expect(html).not.toContain("<a");
    expect(html).not.toContain("href");
    expect(html.startsWith("<p>")).toBe(true);
  });

  it("drops a link whose URL carries credentials (https://trusted@evil), which only serve to mislead", () => {
    const html = render("[x](https://trusted.example@evil.example/)");
    expect(html).not.toContain("evil.example/\"");
    expect(html).not.toContain(">x</a>");
  });

  it("shows a refused link's Markdown as text, so the reader sees what was written", () => {
    expect(render("[x](javascript:alert(1))")).toBe("<p>[x](javascript:alert(1))</p>");
  });
});

describe("renderNoteMarkdown: images and raw HTML", () => {
  it("turns an http(s) image into a plain link to its URL, labelled with the alt text", () => {
    expect(render("![A facsimile](https://example.org/scan.png)")).toBe(
      `<p><a href="https://example.org/scan.png" ${REL}>A facsimile</a></p>`,
    );
    expect(render("![](http://example.org/scan.png)")).toBe(
      `<p><a href="http://example.org/scan.png" ${REL}>http://example.org/scan.png</a></p>`,
    );
  });

  it("never renders <img>, and leaves only the alt text for an image it may not link", () => {
    for (const source of [
      "![pic](https://example.org/a.png)",
      "![pic](data:image/png;base64,iVBORw0KGgo=)",
      "![pic](javascript:alert(1))",
      "![pic](/local.png)",
      "![pic](mailto:a@example.org)",
      "[![pic](https://example.org/a.png)](https://example.org/)",
    ]) {
      expect(render(source)).not.toContain("<img");
    }
    expect(render("![pic](mailto:a@example.org)")).toBe("<p>pic</p>");
    expect(render("![pic](data:image/png;base64,iVBORw0KGgo=)")).toBe("<p>![pic](data:image/png;base64,iVBORw0KGgo=)</p>");
  });

  it("does not nest a link in a link when an image sits inside one", () => {
    expect(render("[![pic](https://example.org/a.png)](https://example.org/page)")).toBe(
      `<p><a href="https://example.org/page" ${REL}>pic</a></p>`,
    );
  });

  it("shows raw HTML as text", () => {
    expect(render(`<script>alert("x")</script>`)).toBe(`<p>&lt;script&gt;alert("x")&lt;/script&gt;</p>`);
    expect(render(`Hello <b onclick="x()">bold</b> <!-- c -->`)).toBe(`<p>Hello &lt;b onclick="x()"&gt;bold&lt;/b&gt; &lt;!-- c --&gt;</p>`);
    expect(render("<div>\n\n*md*\n\n</div>")).toBe("<p>&lt;div&gt;</p>\n<p><em>md</em></p>\n<p>&lt;/div&gt;</p>");
  });

  it("keeps entities as the characters they name, escaped again on output", () => {
    expect(render("&lt;b&gt; &amp; &copy;")).toBe("<p>&lt;b&gt; &amp; ©</p>");
  });

  it("renders an empty or blank source as nothing", () => {
    expect(renderNoteMarkdown("")).toBe("");
    expect(renderNoteMarkdown("  \n\n ")).toBe("");
  });

  // About 0.5 s each here; the budget only catches a quadratic blow-up, not a slow machine.
  it.each([
    ["emphasis", "*a* ".repeat(12_500)],
    ["brackets", "[".repeat(50_000)],
    ["nested quotes", "> ".repeat(24_999) + "x"],
    ["backticks", "`".repeat(50_000)],
    ["list markers", "- ".repeat(25_000)],
    ["links", "[x](https://example.org/) ".repeat(1_900)],
    ["mixed delimiters", "*_[`<a>".repeat(7_000)],
    ["a long table", "|a|b|\n|-|-|\n" + "|1|2|\n".repeat(8_000)],
  ])("renders a longest note of %s in reasonable time", (_case, source) => {
    expect(source.length).toBeLessThanOrEqual(50_000);
    const started = performance.now();
    renderNoteMarkdown(source);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("the link policy and the sanitizer on their own", () => {
  it("serializes what it allows, as a browser would read it", () => {
    expect(toNoteLinkHref("HTTPS://Example.ORG")).toBe("https://example.org/");
    expect(toNoteLinkHref(" https://example.org/a b")).toBe("https://example.org/a%20b");
    expect(toNoteLinkHref("mailto:a@example.org?subject=Note")).toBe("mailto:a@example.org?subject=Note");
    expect(toNoteLinkHref("java\nscript:alert(1)")).toBeNull();
    expect(toNoteLinkHref("\u0001javascript:alert(1)")).toBeNull();
    expect(toNoteLinkHref("mailto:")).toBeNull();
    expect(toNoteLinkHref("ftp://example.org/")).toBeNull();
    expect(isAllowedNoteLink("https://user:pass@example.org/")).toBe(false);
  });

  it("strips what the renderer would never emit: elements, attributes, bad hrefs, and sets rel on every link", () => {
    expect(
      sanitizeNoteHtml(
        `<p class="c" id="i" style="color:red" onclick="x()">t</p><img src="https://example.org/a.png"><script>alert(1)</script>` +
          `<a href="javascript:alert(1)">bad</a> <a href="https://example.org/" target="_blank" rel="opener">ok</a> <a>none</a>` +
          `<h1>h1</h1><svg><circle /></svg><iframe src="https://example.org/"></iframe><ol start="x"><li>i</li></ol>`,
      ),
    ).toBe(`<p>t</p>bad <a href="https://example.org/" ${REL}>ok</a> noneh1<ol><li>i</li></ol>`);
  });
});
