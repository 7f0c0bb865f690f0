import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NoteView } from "@/lib/annotations/note-view";
import { SAMPLE_IDS, sampleNoteView } from "../support/sample-note-view";
import { parseSource } from "@/lib/documents/parse-source";
import { AppError } from "@/lib/errors/app-error";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ITEMS, type ImportItem, type ImportNote, type ImportRefused, type ImportReply } from "@/lib/imports/import-item";
import { exceedsJsonDepth } from "@/lib/imports/json-depth";
import { parseImportFile } from "@/lib/imports/parse-import-file";
import { utf8ByteLength } from "@/lib/imports/read-import-json";
import { annotationIri, groupIri, letterIri, personIri, W3C_CONTEXT } from "@/lib/w3c/annotation-iris";
import { LDP_CONTEXT } from "@/lib/w3c/container-representation";
import { toAnnotation, type AnnotatableNote, type LinkedEntry } from "@/lib/w3c/to-annotation";

const APP = "https://marginalia.example";
const SLUG = "reply-to-stalin";
const PAGE = "https://www.marxists.org/archive/trotsky/1928/12/stalin.htm";
const OPTIONS = { appUrl: APP, slug: SLUG, letterUrls: [PAGE] };

const fixture = (name: string) => readFileSync(`tests/data/imports/${name}`, "utf8");
const parse = (text: string, options = OPTIONS) => parseImportFile(text, options);

/** The letter's citable paragraphs, as the site splits them: fixtures are checked against the real text. */
const paragraphs = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8")).blocks.filter((block) => block.anchorId);
const paragraphsQuoting = (exact: string) => paragraphs.filter((block) => block.text.includes(exact)).map((block) => block.anchorId);

const notes = (items: ImportItem[]) => items.filter((item): item is ImportNote => item.kind === "note");
const byId = (items: ImportItem[], id: string) => items.find((item) => item.originalId === id);
const noteOf = (items: ImportItem[], id: string) => byId(items, id) as ImportNote;
const replyOf = (items: ImportItem[], id: string) => byId(items, id) as ImportReply;
const refusedOf = (items: ImportItem[], id: string) => byId(items, id) as ImportRefused;

/** The file-level refusal of `text` (the test fails when there is none). */
function fileRefusal(text: string): AppError {
  try {
    parse(text);
  } catch (error) {
    return error as AppError;
  }
  throw new Error("The file was not refused");
}

function expectIndicesInOrder(items: ImportItem[]) {
  expect(items.map((item) => item.index)).toEqual(items.map((_, index) => index));
}

// --- Hypothesis ------------------------------------------------------------------------------------------------

describe("parseImportFile on a Hypothesis export", () => {
  const { source, items } = parse(fixture("hypothesis-export.json"));

  it("detects Hypothesis and gives one item per annotation, numbered in file order", () => {
    expect(source).toBe("hypothesis");
    expect(items).toHaveLength(11);
    expectIndicesInOrder(items);
    expect(items.map((item) => item.kind)).toEqual(["note", "note", "note", "note", "note", "refused", "note", "reply", "reply", "note", "refused"]);
  });

  it("reads a passage note: quote, page offsets as a UTF-16 hint, Markdown body, tags, creator, time", () => {
    const note = noteOf(items, "Hx01nFaCtIoN4StAlInQw");
    expect(note).toMatchObject({
      kind: "note",
      index: 0,
      canonical: null,
      source: "hypothesis",
      quote: { exact: "narrow Stalin faction" },
      paragraphHint: null,
      body: "The **narrow Stalin faction**: Trotsky's name for the ruling group after the expulsions of 1927.",
      tags: ["stalin", "faction"],
      sources: [],
      referenceType: null,
      referenceEntryId: null,
      visibility: null,
      groupIri: null,
      creator: { id: "acct:ada_reader@hypothes.is", name: "Ada Reader" },
      // Hypothesis writes microseconds; the item keeps milliseconds, in UTC.
      created: "2025-11-04T09:12:31.482Z",
    });
    expect(note.quote!.prefix).toHaveLength(32);
    expect(note.quote!.suffix).toHaveLength(32);
    expect(`${note.quote!.prefix}${note.quote!.exact}${note.quote!.suffix}`).toContain("the old decision of the narrow Stalin faction which I have");
    expect(note.positionHint).toEqual({ start: expect.any(Number), end: expect.any(Number), unit: "utf16-in-page" });
    expect(note.positionHint!.end - note.positionHint!.start).toBe("narrow Stalin faction".length);
  });

  it("quotes the letter exactly, except the annotation with a typo", () => {
    expect(paragraphsQuoting(noteOf(items, "Hx01nFaCtIoN4StAlInQw").quote!.exact)).toEqual(["p4"]);
    expect(paragraphsQuoting(noteOf(items, "Hx02tHiRtYtWoYeArSqw").quote!.exact)).toEqual(["p5"]);
    expect(paragraphsQuoting(noteOf(items, "Hx03EsThOnIaBuLgArIaq").quote!.exact)).toEqual(["p9"]);
    expect(paragraphsQuoting(noteOf(items, "Hx10OnLyAbUrEaUcRaCyQ").quote!.exact)).toEqual(["p25"]);
    const typo = noteOf(items, "Hx04PrOmIsStYpOqUoTeq");
    expect(typo.quote!.exact).toBe("the categorical promiss to discontinue this work");
    expect(paragraphsQuoting(typo.quote!.exact)).toEqual([]);
    expect(paragraphsQuoting("the categorical promise to discontinue this work")).toEqual(["p2"]);
  });

  it("keeps the prefix and suffix that tell apart a phrase occurring in two paragraphs", () => {
    const twice = noteOf(items, "Hx05EnEmYcLaSsEsTwIcE");
    expect(twice.quote!.exact).toBe("the enemy classes");
    expect(paragraphsQuoting("the enemy classes")).toEqual(["p7", "p17"]);
    expect(twice.quote!.prefix.endsWith("the growing pressure of ")).toBe(true);
    expect(twice.quote!.suffix.startsWith(" upon the proletarian vanguard.")).toBe(true);
  });

  it("refuses an annotation on another page, and a highlight without text", () => {
    expect(refusedOf(items, "Hx06OtHeRpAgEuRiXyZaB")).toEqual({
      kind: "refused",
      index: 5,
      originalId: "Hx06OtHeRpAgEuRiXyZaB",
      reason: expect.stringMatching(/^Target elsewhere: https:\/\/www\.marxists\.org\/archive\/trotsky\/1927\/opposition\/index\.htm/),
    });
    expect(refusedOf(items, "Hx11HiGhLiGhToNlYnOtE").reason).toMatch(/^Empty body/);
  });

  it("reads a page note (no selector) as a note without a quote, whatever the URL's scheme and trailing slash", () => {
    const pageNote = noteOf(items, "Hx07PaGeNoTeWhOlEsItE");
    expect(pageNote).toMatchObject({ kind: "note", quote: null, positionHint: null, paragraphHint: null, tags: ["reading"] });
  });

  it("matches a page URL with a fragment", () => {
    expect(noteOf(items, "Hx10OnLyAbUrEaUcRaCyQ")).toMatchObject({ kind: "note", tags: ["declaration", "sixth congress"] });
  });

  it("reads replies from `references`: the last one is the annotation answered", () => {
    expect(replyOf(items, "Hx08RePlYtOnArRoWfAcT")).toEqual({
      kind: "reply",
      index: 7,
      originalId: "Hx08RePlYtOnArRoWfAcT",
      canonical: null,
      source: "hypothesis",
      inReplyTo: "Hx01nFaCtIoN4StAlInQw",
      body: "Is \"faction\" his word or the translator's? The Russian has *фракция* throughout.",
      creator: { id: "acct:boris_k@hypothes.is", name: "Boris K." },
      created: "2025-11-06T08:01:17.004Z",
    });
    expect(replyOf(items, "Hx09RePlYrEpLyFaCtIoN")).toMatchObject({ kind: "reply", inReplyTo: "Hx08RePlYtOnArRoWfAcT" });
  });

  it("refuses every annotation when the letter's archive page is not among letterUrls", () => {
    const elsewhere = parse(fixture("hypothesis-export.json"), { ...OPTIONS, letterUrls: [] }).items;
    expect(elsewhere.every((item) => item.kind === "refused" && /^Target elsewhere/.test(item.reason))).toBe(true);
  });

  it("accepts annotations on the letter's page on this site without being told", () => {
    const file = { annotations: [{ id: "own", uri: `${letterIri(APP, SLUG)}#p3`, text: "On the site itself." }] };
    expect(parse(JSON.stringify(file), { ...OPTIONS, letterUrls: [] }).items[0]).toMatchObject({ kind: "note", body: "On the site itself." });
  });

  it("refuses one annotation with too many tags, too long a body or too long a quote, and imports the others", () => {
    const base = { uri: PAGE, text: "A note." };
    const file = {
      export_date: "2025-11-08T10:00:00.000Z",
      annotations: [
        { ...base, id: "tags", tags: Array.from({ length: 21 }, (_, index) => `tag ${index}`) },
        { ...base, id: "long", text: "x".repeat(50_001) },
        { ...base, id: "quote", target: [{ source: PAGE, selector: [{ type: "TextQuoteSelector", exact: "q".repeat(5001) }] }] },
        { ...base, id: "badtag", tags: ["#hashtag"] },
        { ...base, id: "fine", tags: ["Fine", "fine "] },
      ],
    };
    const { items: mixed } = parse(JSON.stringify(file));
    expect(refusedOf(mixed, "tags").reason).toMatch(/More than 20 tags \(this has 21\)/);
    expect(refusedOf(mixed, "long").reason).toMatch(/^Body: A note has at most 50,000 characters/);
    expect(refusedOf(mixed, "quote").reason).toMatch(/^Quote longer than 5,000 characters/);
    expect(refusedOf(mixed, "badtag").reason).toMatch(/^Tag "#hashtag"/);
    expect(noteOf(mixed, "fine")).toMatchObject({ kind: "note", tags: ["fine"] });
  });
});

// --- Recogito --------------------------------------------------------------------------------------------------

describe("parseImportFile on a Recogito export", () => {
  const { source, items } = parse(fixture("recogito-export.json"));
  const ANNOTATION = "https://recogito.example.org/annotations/";
  const first = `${ANNOTATION}7d3f0b6a-2c1e-4a8b-9f5d-0e6c1b2a3d4f`;

  it("detects Recogito; each replying body is a reply right after its annotation", () => {
    expect(source).toBe("recogito");
    expect(items.map((item) => item.kind)).toEqual(["note", "reply", "reply", "note", "reply", "note", "refused", "note", "reply"]);
    expectIndicesInOrder(items);
  });

  it("reads comment, tags (normalised), quote and Recogito's offsets as a UTF-16 hint", () => {
    const note = noteOf(items, first);
    expect(note).toMatchObject({
      source: "recogito",
      quote: { exact: "the clearing of the road for the Thermidor", prefix: "", suffix: "" },
      paragraphHint: null,
      body: "Thermidor: the fall of Robespierre in 1794, Trotsky's figure for a counter-revolution from within.",
      tags: ["thermidor", "french revolution"],
      creator: { id: "https://recogito.example.org/profiles/5f1c9a2e", name: "Mira Sokolova" },
      created: "2025-10-20T13:02:11.000Z",
      visibility: null,
    });
    expect(note.positionHint).toMatchObject({ unit: "utf16-in-page" });
    const text = readFileSync("content/reply-to-stalin.txt", "utf8");
    expect(text.slice(note.positionHint!.start, note.positionHint!.end)).toBe(note.quote!.exact);
    for (const quoted of notes(items)) expect(paragraphsQuoting(quoted.quote!.exact)).toHaveLength(1);
    expect(paragraphsQuoting("the clearing of the road for the Thermidor")).toEqual(["p13"]);
  });

  it("names each reply after its annotation and takes its writer and time from its body", () => {
    expect(items[1]).toEqual({
      kind: "reply",
      index: 1,
      originalId: `${first}#reply-1`,
      canonical: null,
      source: "recogito",
      inReplyTo: first,
      body: "He dates the reaction from 1923 here, not from 1927.",
      creator: { id: "https://recogito.example.org/profiles/8d0e7b41", name: "Tom Hale" },
      created: "2025-10-21T08:15:40.000Z",
    });
    expect(items[2]).toMatchObject({ originalId: `${first}#reply-2`, inReplyTo: first, creator: { name: "Mira Sokolova" } });
    expect(items[4]).toMatchObject({ kind: "reply", inReplyTo: `${ANNOTATION}1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d` });
  });

  it("refuses a tag-only highlight: a note needs text", () => {
    expect(items[6]).toMatchObject({ kind: "refused", originalId: `${ANNOTATION}2f4e6d8c-0b1a-4c3e-9d5f-7a6b8c9d0e1f`, reason: expect.stringMatching(/^Empty body/) });
  });

  it("refuses an annotation's replies with it, and says so", () => {
    const annotation = {
      "@context": W3C_CONTEXT,
      id: "https://recogito.example.org/annotations/x",
      type: "Annotation",
      body: [{ type: "TextualBody", purpose: "tagging", value: "tag" }, { type: "TextualBody", purpose: "replying", value: "A reply." }],
      target: { source: PAGE, selector: [{ type: "TextQuoteSelector", exact: "Each to his own part!" }] },
    };
    const { source: detected, items: refused } = parse(JSON.stringify([annotation]));
    expect(detected).toBe("recogito");
    expect(refused).toEqual([{ kind: "refused", index: 0, originalId: annotation.id, reason: expect.stringMatching(/^Empty body.*\(its 1 reply is not imported either\)$/) }]);
  });
});

// --- Generic W3C -----------------------------------------------------------------------------------------------

describe("parseImportFile on a generic W3C collection", () => {
  const { source, items } = parse(fixture("w3c-collection.json"));
  const ANNO = "https://annotations.example.org/anno/";

  it("reads every embedded page and never follows a link to more", () => {
    expect(source).toBe("w3c");
    expect(items.map((item) => [item.originalId, item.kind])).toEqual([
      [`${ANNO}w1`, "note"],
      [`${ANNO}w2`, "note"],
      [`${ANNO}w3`, "note"],
      [`${ANNO}w4`, "reply"],
      [`${ANNO}w5`, "refused"],
      [`${ANNO}w6`, "refused"],
      [`${ANNO}w7`, "note"],
      [`${ANNO}w8`, "refused"],
    ]);
    expectIndicesInOrder(items);
  });

  it("reads a quote on the archive's page under the collection's context", () => {
    expect(noteOf(items, `${ANNO}w1`)).toMatchObject({
      source: "w3c",
      quote: { exact: "the theory of socialism in a single country" },
      positionHint: null,
      body: "Stalin's doctrine of 1924, which the Opposition fought from 1926.",
      tags: [],
      creator: { id: "https://annotations.example.org/users/jdoe", name: null },
      created: "2025-09-01T08:00:00.000Z",
    });
    expect(paragraphsQuoting("the theory of socialism in a single country")).toEqual(["p11"]);
  });

  it("takes a paragraph FragmentSelector as the paragraph hint, its refinement's offsets as code points in it", () => {
    const note = noteOf(items, `${ANNO}w2`);
    expect(note).toMatchObject({
      paragraphHint: "p14",
      quote: { exact: "Creatively, it is impotent." },
      body: "Four words that sum up the paragraph.",
      tags: ["style"],
      creator: { id: "https://annotations.example.org/users/rfox", name: "rfox" },
    });
    const p14 = paragraphs.find((block) => block.anchorId === "p14")!.text;
    expect(note.positionHint).toEqual({ start: p14.indexOf("Creatively"), end: p14.indexOf("Creatively") + 27, unit: "code-points-in-paragraph" });
  });

  it("reads a page note from bodyValue, a replying annotation as a reply to its target, a bare position as a hint", () => {
    expect(noteOf(items, `${ANNO}w3`)).toMatchObject({ quote: null, positionHint: null, body: "The whole letter was first printed in English by The Militant, April 1929." });
    expect(replyOf(items, `${ANNO}w4`)).toMatchObject({ inReplyTo: `${ANNO}w1`, creator: { name: "R. Fox" }, body: "And Bukharin's *Notes of an Economist* the same autumn." });
    const position = noteOf(items, `${ANNO}w7`);
    expect(position.quote).toBeNull();
    expect(position.positionHint).toMatchObject({ unit: "utf16-in-page" });
    expect(readFileSync("content/reply-to-stalin.txt", "utf8").slice(position.positionHint!.start, position.positionHint!.end)).toBe("by 150 miles from the nearest railroad");
  });

  it("refuses a remote context, another text and what is not an Annotation, each with its reason", () => {
    expect(refusedOf(items, `${ANNO}w5`).reason).toMatch(/remote context https:\/\/schema\.org\/ is never fetched/);
    expect(refusedOf(items, `${ANNO}w6`).reason).toMatch(/^Target elsewhere: https:\/\/www\.gutenberg\.org/);
    expect(refusedOf(items, `${ANNO}w8`).reason).toMatch(/^Not an annotation/);
  });

  it("reads an AnnotationPage, a single Annotation and a plain array", () => {
    const annotation = { "@context": W3C_CONTEXT, id: "urn:uuid:1", type: "Annotation", bodyValue: "One.", target: PAGE, canonical: "urn:uuid:1" };
    expect(parse(JSON.stringify(annotation)).items).toEqual([expect.objectContaining({ kind: "note", body: "One.", canonical: "urn:uuid:1" })]);
    expect(parse(JSON.stringify({ "@context": W3C_CONTEXT, type: "AnnotationPage", items: [annotation, annotation] })).items).toHaveLength(2);
    expect(parse(JSON.stringify([annotation, 42])).items.map((item) => item.kind)).toEqual(["note", "refused"]);
  });

  it("refuses an annotation without any @context, or with an inline one", () => {
    const bare = { type: "Annotation", bodyValue: "No context.", target: PAGE };
    expect(parse(JSON.stringify([bare])).items[0]).toMatchObject({ kind: "refused", reason: expect.stringMatching(/^No @context/) });
    const inline = { ...bare, "@context": [W3C_CONTEXT, { body: "http://example.org/other" }] };
    expect(parse(JSON.stringify([inline])).items[0]).toMatchObject({ kind: "refused", reason: expect.stringMatching(/inline context/) });
  });
});

// --- Marginalia's own export -----------------------------------------------------------------------------------

const { note: NOTE_ID, reply: REPLY_ID, replyToReply: REPLY_TO_REPLY_ID, author: AUTHOR_ID, group: GROUP_ID } = SAMPLE_IDS;
const GROUP_NOTE_ID = "6c2a1d2f-9b9f-4d6a-8e2f-1d2e3f4a5b6c";
const DELETED_ID = "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a";

/** The shared sample, as a passage note with tags, sources and an index entry (what an export round-trips). */
function view(overrides: Partial<NoteView> = {}): NoteView {
  return sampleNoteView({
    quote: { exact: "The Leninist wing of the Party", prefix: "", suffix: " has endured blows since 1923" },
    position: { start: 0, end: 30 },
    tags: ["opposition", "1923"],
    sources: [{ citation: "Deutscher, The Prophet Unarmed (1959)", url: "https://example.org/prophet-unarmed", doi: "10.1234/prophet" }],
    referenceEntry: { id: "left-opposition", name: "Left Opposition" },
    replyCount: 2,
    ...overrides,
  });
}

const annotatable = (overrides: Partial<NoteView> = {}, canonical: string | null = null): AnnotatableNote => ({ ...view(overrides), canonical, via: null });
const LEFT_OPPOSITION: LinkedEntry = { id: "left-opposition", name: "Left Opposition", wikidata: "Q1141426", viaf: null, geonames: null, gnd: null };

/** Marginalia's export of these notes from the instance at `appUrl`: the envelope lib/w3c/annotation-export.ts writes. */
function marginaliaExport(appUrl: string): string {
  const threadReply = { quote: null, position: null, referenceType: "other", tags: [], sources: [], referenceEntry: null, replyCount: 0 };
  const items = [
    toAnnotation(annotatable({}, "urn:uuid:0e9f8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f"), { appUrl, slug: SLUG, entry: LEFT_OPPOSITION }),
    toAnnotation(
      annotatable({
        id: GROUP_NOTE_ID,
        paragraph: "p17",
        quote: null,
        position: null,
        referenceType: "concept",
        body: "Whole paragraph: the apparatus does not know what it is doing.",
        tags: ["apparatus"],
        sources: [],
        referenceEntry: null,
        visibility: "group",
        group: { id: GROUP_ID, name: "Seminar" },
        replyCount: 0,
      }),
      { appUrl, slug: SLUG, entry: null },
    ),
    toAnnotation(annotatable({ ...threadReply, id: REPLY_ID, threadId: NOTE_ID, body: "Since 1923: the defeat in Germany." }), { appUrl, slug: SLUG, entry: null }),
    toAnnotation(annotatable({ ...threadReply, id: REPLY_TO_REPLY_ID, threadId: NOTE_ID, parentId: REPLY_ID, body: "And the Thirteenth Conference." }), {
      appUrl,
      slug: SLUG,
      entry: null,
    }),
    toAnnotation(annotatable({ id: DELETED_ID, deleted: true, body: "", tags: [], sources: [], referenceEntry: null, replyCount: 1 }), { appUrl, slug: SLUG, entry: null }),
  ];
  return JSON.stringify({ "@context": [W3C_CONTEXT, LDP_CONTEXT], type: "AnnotationCollection", total: items.length, first: { type: "AnnotationPage", startIndex: 0, items } });
}

describe("parseImportFile on Marginalia's own export", () => {
  const expectedItems = (origin: string): ImportItem[] => [
    {
      kind: "note",
      index: 0,
      originalId: annotationIri(origin, SLUG, NOTE_ID),
      canonical: "urn:uuid:0e9f8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f",
      source: "marginalia",
      quote: { exact: "The Leninist wing of the Party", prefix: "", suffix: " has endured blows since 1923" },
      paragraphHint: "p12",
      positionHint: { start: 0, end: 30, unit: "code-points-in-paragraph" },
      body: "The *Left* Opposition, as Trotsky calls it.",
      tags: ["opposition", "1923"],
      sources: [{ citation: "Deutscher, The Prophet Unarmed (1959)", url: "https://example.org/prophet-unarmed", doi: "10.1234/prophet" }],
      referenceType: "organisation",
      referenceEntryId: "left-opposition",
      visibility: "public",
      groupIri: null,
      creator: { id: personIri(origin, AUTHOR_ID), name: "Ada Reader" },
      created: "2026-01-02T03:04:05.000Z",
    },
    {
      kind: "note",
      index: 1,
      originalId: annotationIri(origin, SLUG, GROUP_NOTE_ID),
      canonical: null,
      source: "marginalia",
      quote: null,
      paragraphHint: "p17",
      positionHint: null,
      body: "Whole paragraph: the apparatus does not know what it is doing.",
      tags: ["apparatus"],
      sources: [],
      referenceType: "concept",
      referenceEntryId: null,
      visibility: "group",
      groupIri: groupIri(origin, GROUP_ID),
      creator: { id: personIri(origin, AUTHOR_ID), name: "Ada Reader" },
      created: "2026-01-02T03:04:05.000Z",
    },
    {
      kind: "reply",
      index: 2,
      originalId: annotationIri(origin, SLUG, REPLY_ID),
      canonical: null,
      source: "marginalia",
      inReplyTo: annotationIri(origin, SLUG, NOTE_ID),
      body: "Since 1923: the defeat in Germany.",
      creator: { id: personIri(origin, AUTHOR_ID), name: "Ada Reader" },
      created: "2026-01-02T03:04:05.000Z",
    },
    {
      kind: "reply",
      index: 3,
      originalId: annotationIri(origin, SLUG, REPLY_TO_REPLY_ID),
      canonical: null,
      source: "marginalia",
      inReplyTo: annotationIri(origin, SLUG, REPLY_ID),
      body: "And the Thirteenth Conference.",
      creator: { id: personIri(origin, AUTHOR_ID), name: "Ada Reader" },
      created: "2026-01-02T03:04:05.000Z",
    },
    {
      kind: "refused",
      index: 4,
      originalId: annotationIri(origin, SLUG, DELETED_ID),
      reason: expect.stringMatching(/^A deleted note's placeholder/) as unknown as string,
    },
  ];

  it("round-trips notes, group notes, replies and replies to replies with every field", () => {
    const parsed = parse(marginaliaExport(APP));
    expect(parsed.source).toBe("marginalia");
    expect(parsed.items).toEqual(expectedItems(APP));
    expect(paragraphsQuoting("The Leninist wing of the Party")).toEqual(["p12"]);
  });

  it("reads another instance's export against that instance's IRIs", () => {
    const other = "https://marginalia.other.example";
    const parsed = parse(marginaliaExport(other));
    expect(parsed.source).toBe("marginalia");
    expect(parsed.items).toEqual(expectedItems(other));
  });

  it("refuses, item by item, what parseAnnotation refuses, with its JSON path", () => {
    const good = JSON.parse(marginaliaExport(APP)).first.items[0];
    const otherLetter = { ...good, target: { ...good.target, source: letterIri(APP, "another-letter") } };
    const unknownKey = { ...good, colour: "red" };
    const text = JSON.stringify({ type: "AnnotationPage", items: [otherLetter, unknownKey, good] });
    const { source, items } = parse(text);
    expect(source).toBe("marginalia");
    expect(items.map((item) => item.kind)).toEqual(["refused", "refused", "note"]);
    expect((items[0] as ImportRefused).reason).toMatch(/^target\.source: The target must be a paragraph of this letter/);
    expect((items[1] as ImportRefused).reason).toMatch(/^colour: Unknown Marginalia term "colour"/);
  });

  it("is generic W3C when not every annotation is under a Marginalia context", () => {
    const good = JSON.parse(marginaliaExport(APP)).first.items[0];
    const plain = { "@context": W3C_CONTEXT, type: "Annotation", bodyValue: "Plain.", target: PAGE };
    expect(parse(JSON.stringify([good, plain])).source).toBe("w3c");
  });
});

// --- Hostile input ---------------------------------------------------------------------------------------------

describe("parseImportFile on hostile input", () => {
  afterEach(() => vi.restoreAllMocks());

  it("refuses nesting 10,000 deep with an AppError, not a RangeError", () => {
    for (const text of ["[".repeat(10_000) + "]".repeat(10_000), `{"annotations":${"[".repeat(10_000)}${"]".repeat(10_000)}}`]) {
      const error = fileRefusal(text);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("bad_request");
      expect(error.message).toMatch(/deeper than 32 levels/);
    }
  });

  it("measures depth on the text, ignoring brackets inside strings and escaped quotes", () => {
    expect(exceedsJsonDepth(`{"a":"${"[".repeat(100)}\\"${"{".repeat(100)}"}`, 32)).toBe(false);
    expect(exceedsJsonDepth("[".repeat(32) + "]".repeat(32), 32)).toBe(false);
    expect(exceedsJsonDepth("[".repeat(33) + "]".repeat(33), 32)).toBe(true);
    const text = JSON.stringify({ annotations: [{ id: "deep", uri: PAGE, text: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ in text" }] });
    expect(parse(text).items[0]).toMatchObject({ kind: "note" });
  });

  it("refuses a file over 20 MB, counted in UTF-8 bytes", () => {
    const big = fileRefusal(`"${"x".repeat(21 * 1024 * 1024)}"`);
    expect(big).toBeInstanceOf(AppError);
    expect(big.code).toBe("payload_too_large");
    // Fewer UTF-16 units than the limit, more bytes: "é" is two bytes in UTF-8.
    const accented = `"${"é".repeat(MAX_IMPORT_BYTES / 2 + 1)}"`;
    expect(accented.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(fileRefusal(accented).code).toBe("payload_too_large");
    expect(utf8ByteLength("aé€😀\ud800")).toBe(1 + 2 + 3 + 4 + 3);
  });

  it("refuses an annotation with NUL in its body, and keeps the others", () => {
    const text = `{"annotations":[{"id":"nul","uri":"${PAGE}","text":"Bad\\u0000text"},{"id":"ok","uri":"${PAGE}","text":"Good text"}]}`;
    const { items } = parse(text);
    expect(items[0]).toEqual({ kind: "refused", index: 0, originalId: "nul", reason: expect.stringMatching(/^text: Contains a control character/) });
    expect(items[1]).toMatchObject({ kind: "note", body: "Good text" });
  });

  it("refuses an annotation with a lone surrogate, wherever it is", () => {
    const text = `{"annotations":[{"id":"lone","uri":"${PAGE}","text":"Fine","tags":["ok\\ud800"]},{"id":"\\ud800","uri":"${PAGE}","text":"Fine"}]}`;
    const { items } = parse(text);
    expect(items[0]).toMatchObject({ kind: "refused", originalId: "lone", reason: expect.stringMatching(/^tags\.0: Contains an unpaired surrogate/) });
    // An id that is not text cannot be named.
    expect(items[1]).toMatchObject({ kind: "refused", originalId: null, reason: expect.stringMatching(/^id: Contains an unpaired surrogate/) });
  });

  it("normalises line breaks in the text", () => {
    const text = JSON.stringify({ annotations: [{ uri: PAGE, text: "One\r\nTwo\rThree" }] });
    expect(parse(text).items[0]).toMatchObject({ kind: "note", body: "One\nTwo\nThree" });
  });

  it("refuses an annotation under a remote @context without fetching anything", () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(() => {
      throw new Error("The parser must not fetch");
    });
    const remote = { "@context": "https://evil.example/context.jsonld", id: "urn:uuid:2", type: "Annotation", bodyValue: "Hi.", target: PAGE };
    const { items } = parse(JSON.stringify([remote]));
    expect(items).toEqual([{ kind: "refused", index: 0, originalId: "urn:uuid:2", reason: expect.stringMatching(/remote context https:\/\/evil\.example\/context\.jsonld is never fetched/) }]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("has no way to reach the network: no fetch, no http module in the parsers", () => {
    // The parsers' own files (lib/imports also holds the import's database and placing code, which is not pure).
    const parsers = [
      "detect-import-format.ts", "import-contexts.ts", "import-fields.ts", "import-item.ts", "json-depth.ts", "letter-urls.ts",
      "parse-hypothesis.ts", "parse-import-file.ts", "parse-marginalia.ts", "parse-w3c.ts", "read-import-json.ts",
    ];
    expect(readdirSync("lib/imports")).toEqual(expect.arrayContaining(parsers));
    for (const name of parsers) {
      const source = readFileSync(`lib/imports/${name}`, "utf8");
      expect(source, name).not.toMatch(/\bfetch\s*\(|node:https?|XMLHttpRequest|WebSocket|import\(/);
    }
  });

  it("refuses a collection whose pages are links, without following them", () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const error = fileRefusal(JSON.stringify({ "@context": W3C_CONTEXT, type: "AnnotationCollection", total: 3, first: "https://evil.example/page1" }));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/never fetches/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("refuses more than 10,000 annotations, in any of the formats", () => {
    const many = Array.from({ length: MAX_IMPORT_ITEMS + 1 }, () => ({}));
    expect(fileRefusal(JSON.stringify({ annotations: many })).code).toBe("payload_too_large");
    expect(fileRefusal(JSON.stringify(many)).code).toBe("payload_too_large");
    const half = many.slice(0, 5001);
    const pages = { type: "AnnotationCollection", first: { type: "AnnotationPage", items: half, next: { type: "AnnotationPage", items: half } } };
    expect(fileRefusal(JSON.stringify(pages)).code).toBe("payload_too_large");
    expect(parse(JSON.stringify({ annotations: many.slice(0, MAX_IMPORT_ITEMS) })).items).toHaveLength(MAX_IMPORT_ITEMS);
  });

  it("refuses what is not JSON, and JSON that is no annotation file", () => {
    for (const text of ["{not json", "", "<html></html>"]) {
      const error = fileRefusal(text);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("bad_request");
      expect(error.message).toMatch(/not JSON/);
    }
    for (const text of ["42", "null", '"annotations"', "true", '{"type":"Note"}', '{"annotations":{}}', '{"type":"AnnotationPage","items":7}']) {
      const error = fileRefusal(text);
      expect(error, text).toBeInstanceOf(AppError);
      expect(error.code, text).toBe("bad_request");
    }
  });

  it("does not read a field through a __proto__ key", () => {
    const text = `[{"@context":"${W3C_CONTEXT}","__proto__":{"type":"Annotation"},"bodyValue":"Sneaky.","target":"${PAGE}"}]`;
    expect(parse(text).items[0]).toMatchObject({ kind: "refused", reason: expect.stringMatching(/^Not an annotation/) });
  });

  it("reads a file that starts with a byte order mark", () => {
    expect(parse(`\uFEFF${JSON.stringify({ annotations: [] })}`)).toEqual({ source: "hypothesis", items: [] });
  });
});
