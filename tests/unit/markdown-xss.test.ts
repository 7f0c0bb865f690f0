import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterMap } from "parse5";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { noteMarkdownToText } from "@/lib/markdown/note-markdown-to-text";
import { renderNoteMarkdown } from "@/lib/markdown/render-note-markdown";
import { NOTE_ALLOWED_TAGS } from "@/lib/markdown/sanitize-note-html";

// Every line of the PayloadsAllTheThings XSS lists (MIT; tests/data/xss/LICENSE-PayloadsAllTheThings) goes through the
// real renderer, in several Markdown positions, and the output is read by parse5, the HTML parser that follows the
// WHATWG algorithm browsers use: what is checked is the tree a browser would build from the HTML.

const XSS_DIRECTORY = path.resolve(import.meta.dirname, "../data/xss");
const EXPECTED_LINES: Record<string, number> = {
  "IntrudersXSS.txt": 179,
  "JHADDIX_XSS.txt": 110,
  "RSNAKE_XSS.txt": 73,
  "XSS_Polyglots.txt": 16,
  "xss_payloads_quick.txt": 39,
};
const EXPECTED_TOTAL_LINES = 417;

type TElement = DefaultTreeAdapterMap["element"];
type TParentNode = DefaultTreeAdapterMap["parentNode"];
type TTemplate = DefaultTreeAdapterMap["template"];

const FORBIDDEN_ELEMENTS = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "img", "image",
  "picture", "video", "audio", "source", "form", "input", "button", "textarea", "select", "base", "meta", "link",
  "template", "noscript", "marquee", "isindex",
]);
const ALLOWED_ELEMENTS = new Set<string>(NOTE_ALLOWED_TAGS);
const URL_ATTRIBUTES = new Set([
  "href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data", "codebase", "ping",
]);
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/;
const LINK_REL = "nofollow ugc noopener";

function readPayloadFile(name: string): string[] {
  const lines = readFileSync(path.join(XSS_DIRECTORY, name), "utf8").split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

const PAYLOAD_FILES = readdirSync(XSS_DIRECTORY)
  .filter((name) => name.endsWith(".txt"))
  .sort();
const PAYLOADS = new Map(PAYLOAD_FILES.map((name) => [name, readPayloadFile(name)]));

/** How a payload is placed in a note; `[x](payload)` and friends parse as links only when the payload allows. */
const VARIANTS: Record<string, (payload: string) => string> = {
  "as-is": (payload) => payload,
  "link [x](payload)": (payload) => `[x](${payload})`,
  "link [x](<payload>)": (payload) => `[x](<${payload}>)`,
  "image ![x](payload)": (payload) => `![x](${payload})`,
  "image ![x](<payload>)": (payload) => `![x](<${payload}>)`,
  "autolink <payload>": (payload) => `<${payload}>`,
  "reference [x]: payload": (payload) => `[x] and ![y][x]\n\n[x]: ${payload}`,
  "link text [payload](https://…)": (payload) => `[${payload}](https://example.org/)`,
  "code `payload`": (payload) => `\`${payload}\`\n\n    ${payload}`,
};

/** The attribute value as a browser reads the scheme: parse5 has decoded entities; drop whitespace and controls. */
function normalizedUrl(value: string): string {
  return value.replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\ufeff]+/g, "").toLowerCase();
}

function elementsOf(parent: TParentNode): TElement[] {
  const found: TElement[] = [];
  for (const child of defaultTreeAdapter.getChildNodes(parent)) {
    if (!defaultTreeAdapter.isElementNode(child)) continue;
    found.push(child);
    found.push(...elementsOf(child));
    if (child.tagName === "template") found.push(...elementsOf(defaultTreeAdapter.getTemplateContent(child as TTemplate)));
  }
  return found;
}

/** Everything wrong with rendered HTML, as readable lines (empty when safe). */
function problemsIn(output: string): { problems: string[]; links: number } {
  const container = defaultTreeAdapter.createElement("div", html.NS.HTML, []);
  const fragment = parseFragment(container, output, {});
  const problems: string[] = [];
  let links = 0;
  for (const element of elementsOf(fragment)) {
    const tag = element.tagName;
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`forbidden element <${tag}>`);
    else if (!ALLOWED_ELEMENTS.has(tag)) problems.push(`element <${tag}> outside the allowlist`);
    if (element.namespaceURI !== html.NS.HTML) problems.push(`<${tag}> in namespace ${element.namespaceURI}`);
    for (const attribute of element.attrs) {
      const name = (attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name).toLowerCase();
      if (name.startsWith("on")) problems.push(`event handler attribute ${name} on <${tag}>`);
      if (name === "style" || name === "class" || name === "id") problems.push(`${name} attribute on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && DANGEROUS_SCHEME.test(normalizedUrl(attribute.value))) {
        problems.push(`${name}="${attribute.value}" on <${tag}>`);
      }
    }
    if (tag === "a") {
      links += 1;
      const href = element.attrs.find((attribute) => attribute.name === "href")?.value;
      if (href === undefined) problems.push("<a> without href");
      else if (!/^(https?:\/\/[^/]|mailto:)/.test(normalizedUrl(href))) problems.push(`<a href="${href}"> not http(s)/mailto`);
      const rel = element.attrs.find((attribute) => attribute.name === "rel")?.value;
      if (rel !== LINK_REL) problems.push(`<a> with rel="${rel}"`);
      const names = element.attrs.map((attribute) => attribute.name).sort();
      if (names.some((name) => !["href", "rel", "title"].includes(name))) problems.push(`<a> attributes ${names.join(",")}`);
    }
  }
  // A second, cruder net beside the parser: no tag-like markup of the dangerous kinds in the serialized output.
  if (/<\s*(script|iframe|object|embed|svg|math|style|img|form|input|base|meta|link)\b/i.test(output)) {
    problems.push("tag-like text of a forbidden element in the output");
  }
  return { problems, links };
}

describe("the XSS payload lists (tests/data/xss)", () => {
  it("are all present, with the licence beside them", () => {
    expect(PAYLOAD_FILES).toEqual(Object.keys(EXPECTED_LINES).sort());
    for (const [name, count] of Object.entries(EXPECTED_LINES)) expect(PAYLOADS.get(name), name).toHaveLength(count);
    const total = [...PAYLOADS.values()].reduce((sum, lines) => sum + lines.length, 0);
    expect(total).toBe(EXPECTED_TOTAL_LINES);
    const licence = readFileSync(path.join(XSS_DIRECTORY, "LICENSE-PayloadsAllTheThings"), "utf8");
    expect(licence).toContain("MIT License");
    expect(licence).toContain("Swissky");
  });

  it("are checked by an inspector that does catch what it looks for", () => {
    expect(problemsIn(`<img src=x onerror=alert(1)>`).problems).toEqual(
      expect.arrayContaining(["forbidden element <img>", "event handler attribute onerror on <img>"]),
    );
    expect(problemsIn(`<a href="&#106;ava&#x09;script&colon;alert(1)" rel="${LINK_REL}">x</a>`).problems).toEqual(
      expect.arrayContaining([`href="java\tscript:alert(1)" on <a>`]),
    );
    expect(problemsIn(`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`).problems).toEqual(
      expect.arrayContaining(["forbidden element <svg>", `xlink:href="javascript:alert(1)" on <a>`]),
    );
    expect(problemsIn(`<p style="x">y</p><a href="/x" rel="${LINK_REL}">z</a>`).problems).toEqual([
      "style attribute on <p>",
      `<a href="/x"> not http(s)/mailto`,
    ]);
    expect(problemsIn(`<p><a href="https://example.org/" rel="${LINK_REL}">ok</a></p>`)).toEqual({ problems: [], links: 1 });
  });
});

describe.each(PAYLOAD_FILES)("every payload line of %s through renderNoteMarkdown", (file) => {
  const payloads = PAYLOADS.get(file) ?? [];

  it.each(Object.keys(VARIANTS))("placed %s leaves nothing executable", (variant) => {
    const place = VARIANTS[variant];
    const failures: string[] = [];
    for (const [index, payload] of payloads.entries()) {
      const { problems } = problemsIn(renderNoteMarkdown(place(payload)));
      for (const problem of problems) failures.push(`${file}:${index + 1}: ${problem} — ${JSON.stringify(payload)}`);
    }
    expect(failures).toEqual([]);
  });

  it("as one note holding the whole list leaves nothing executable", () => {
    expect(problemsIn(renderNoteMarkdown(payloads.join("\n"))).problems).toEqual([]);
    expect(problemsIn(renderNoteMarkdown(payloads.join("\n\n"))).problems).toEqual([]);
  });

  it("also goes through noteMarkdownToText without error", () => {
    for (const payload of payloads) expect(typeof noteMarkdownToText(payload)).toBe("string");
  });
});

describe("where the payloads parse as Markdown links", () => {
  const all = [...PAYLOADS.values()].flat();
  // The same Markdown parser with every URL let through shows which wrapped payloads really are links or images.
  const permissive = new MarkdownIt("default", { html: false });
  permissive.validateLink = () => true;
  const wrapped = [
    (payload: string) => `[x](${payload})`,
    (payload: string) => `[x](<${payload}>)`,
    (payload: string) => `![x](${payload})`,
    (payload: string) => `![x](<${payload}>)`,
    (payload: string) => `[x]\n\n[x]: ${payload}`,
  ];
  const parsed = wrapped
    .flatMap((wrap) => all.map(wrap))
    .filter((note) => /<a href="[^"]*">x<\/a>|<img src="[^"]*" alt="x"/.test(permissive.render(note)));

  it("many wrapped payloads are links as far as Markdown is concerned, some to javascript: or data:", () => {
    expect(parsed.length).toBeGreaterThan(300);
    const dangerous = parsed.filter((note) => /(href|src)="\s*(javascript|data|vbscript):/i.test(permissive.render(note)));
    expect(dangerous.length).toBeGreaterThan(0);
  });

  it("none of them stays a link: each is relative or of a refused scheme, and shows as text", () => {
    const survivors = parsed.filter((note) => />x<\/a>/.test(renderNoteMarkdown(note)));
    expect(survivors).toEqual([]);
  });
});
