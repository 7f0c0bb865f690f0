import { describe, expect, it } from "vitest";
import { REFERENCE_TYPES } from "@/lib/annotations/note-schemas";
import type { NoteView } from "@/lib/annotations/note-view";
import { AppError } from "@/lib/errors/app-error";
import { annotationIri, containerIri, entryIri, groupIri, letterIri, parseAnnotationIri, personIri, W3C_CONTEXT } from "@/lib/w3c/annotation-iris";
import { parseAnnotation } from "@/lib/w3c/from-annotation";
import { MARGINALIA_TERMS, marginaliaContext } from "@/lib/w3c/marginalia-context";
import { toAnnotation, type AnnotatableNote, type LinkedEntry, type WebAnnotation } from "@/lib/w3c/to-annotation";
import { mustFailures } from "../support/w3c-validator";
import { SAMPLE_IDS, sampleNoteView } from "../support/sample-note-view";

const APP = "https://marginalia.example";
const SLUG = "reply-to-stalin";
const LETTER = letterIri(APP, SLUG);
const OPTIONS = { appUrl: APP, slug: SLUG };

const { note: NOTE_ID, reply: REPLY_ID, replyToReply: REPLY_TO_REPLY_ID, author: AUTHOR_ID, group: GROUP_ID } = SAMPLE_IDS;
const view = sampleNoteView;

const note = (overrides: Partial<NoteView> = {}, provenance: Partial<Pick<AnnotatableNote, "canonical" | "via">> = {}): AnnotatableNote => ({
  ...view(overrides),
  canonical: null,
  via: null,
  ...provenance,
});

const reply = (overrides: Partial<NoteView> = {}) =>
  note({ id: REPLY_ID, threadId: NOTE_ID, parentId: null, quote: null, position: null, referenceType: "other", body: "I agree.", ...overrides });

const LEFT_OPPOSITION: LinkedEntry = { id: "left-opposition", name: "Left Opposition", wikidata: null, viaf: null, geonames: null, gnd: null };

function annotate(item: AnnotatableNote, entry: LinkedEntry | null = null): WebAnnotation {
  const annotation = toAnnotation(item, { ...OPTIONS, entry });
  // Every annotation any test produces is held to the Working Group's MUST assertions.
  expect(mustFailures(annotation)).toEqual([]);
  return annotation;
}

/** What a reader sees over HTTP: JSON, not the object (no shared references, no undefined). */
const overTheWire = (annotation: WebAnnotation): unknown => JSON.parse(JSON.stringify(annotation));

const bodiesOf = (annotation: WebAnnotation) => annotation.body ?? [];

describe("toAnnotation", () => {
  it("writes a passage note as a paragraph fragment refined by quote and position", () => {
    const annotation = annotate(note());
    expect(annotation).toMatchObject({
      "@context": [W3C_CONTEXT, `${APP}/ns/marginalia.jsonld`],
      id: annotationIri(APP, SLUG, NOTE_ID),
      type: "Annotation",
      motivation: "commenting",
      created: "2026-01-02T03:04:05.000Z",
      modified: "2026-01-03T04:05:06.000Z",
      generator: { id: `${APP}/`, type: "Software", name: "Marginalia" },
      creator: { id: personIri(APP, AUTHOR_ID), type: "Person", name: "Ada Reader" },
      visibility: "public",
      moderationStatus: "approved",
      anchorStatus: "anchored",
      replyCount: 0,
    });
    expect(annotation.target).toEqual({
      source: LETTER,
      selector: {
        type: "FragmentSelector",
        conformsTo: "http://tools.ietf.org/rfc/rfc3986",
        value: "p12",
        refinedBy: [
          { type: "TextQuoteSelector", exact: "the Opposition", prefix: "against ", suffix: " and" },
          { type: "TextPositionSelector", start: 8, end: 22 },
        ],
      },
    });
    expect(bodiesOf(annotation)).toEqual([
      { type: "TextualBody", value: "The *Left* Opposition, as Trotsky calls it.", format: "text/markdown", purpose: "commenting" },
      { type: ["TextualBody", "ReferenceType"], value: "organisation", purpose: "classifying" },
    ]);
    expect(annotation).not.toHaveProperty("canonical");
    expect(annotation).not.toHaveProperty("via");
    expect(annotation).not.toHaveProperty("group");
  });

  it("writes a whole-paragraph note without a refinement", () => {
    const annotation = annotate(note({ paragraph: "fn3", quote: null, position: null }));
    expect(annotation.target).toEqual({ source: LETTER, selector: { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: "fn3" } });
  });

  it("keeps canonical and via when the note has them", () => {
    const annotation = annotate(note({}, { canonical: `urn:uuid:${NOTE_ID}`, via: "https://elsewhere.example/anno/7" }));
    expect(annotation).toMatchObject({ canonical: `urn:uuid:${NOTE_ID}`, via: "https://elsewhere.example/anno/7" });
  });

  it("writes a reply to a note as replying to the note's annotation, with its text only", () => {
    const annotation = annotate(reply());
    expect(annotation).toMatchObject({ motivation: "replying", target: annotationIri(APP, SLUG, NOTE_ID), thread: annotationIri(APP, SLUG, NOTE_ID) });
    expect(bodiesOf(annotation)).toEqual([{ type: "TextualBody", value: "I agree.", format: "text/markdown", purpose: "commenting" }]);
    expect(annotation).not.toHaveProperty("anchorStatus");
    expect(annotation).not.toHaveProperty("replyCount");
  });

  it("writes a reply to a reply as replying to that reply, in the note's thread", () => {
    const annotation = annotate(reply({ id: REPLY_TO_REPLY_ID, parentId: REPLY_ID }));
    expect(annotation).toMatchObject({ target: annotationIri(APP, SLUG, REPLY_ID), thread: annotationIri(APP, SLUG, NOTE_ID) });
  });

  it("writes a deleted placeholder with its target but no body and no creator", () => {
    const placeholder = note({ deleted: true, body: "", bodyHtml: "", author: { id: "00000000-0000-0000-0000-000000000000", displayName: "" }, replyCount: 2 });
    const annotation = annotate(placeholder, LEFT_OPPOSITION);
    expect(annotation).toMatchObject({ deleted: true, motivation: "commenting", replyCount: 2 });
    expect(annotation.target).toEqual(annotate(note()).target);
    expect(annotation).not.toHaveProperty("body");
    expect(annotation).not.toHaveProperty("creator");
    // A deleted reply kept for the replies to it is a placeholder too.
    const deletedReply = annotate(reply({ deleted: true, body: "" }));
    expect(deletedReply).toMatchObject({ deleted: true, motivation: "replying", target: annotationIri(APP, SLUG, NOTE_ID) });
    expect(deletedReply).not.toHaveProperty("body");
  });

  it("writes each tag as a tagging body", () => {
    const annotation = annotate(note({ tags: ["opposition", "1927", "thermidor"] }));
    expect(bodiesOf(annotation).filter((body) => body.purpose === "tagging")).toEqual([
      { type: "TextualBody", value: "opposition", purpose: "tagging" },
      { type: "TextualBody", value: "1927", purpose: "tagging" },
      { type: "TextualBody", value: "thermidor", purpose: "tagging" },
    ]);
  });

  it("writes each source as a linking Source body: the citation as its text, url and doi beside it", () => {
    const sources = [
      { citation: "E. H. Carr, Socialism in One Country (1958)" },
      { citation: "Deutscher, The Prophet Unarmed (1959)", url: "https://archive.org/details/prophetunarmed" },
      { citation: "Day, Leon Trotsky and the Politics of Economic Isolation", doi: "10.1017/CBO9780511558382" },
      { citation: "Broué, Trotsky (1988)", url: "https://example.org/broue", doi: "10.1234/broue.1988" },
    ];
    const annotation = annotate(note({ sources }));
    expect(bodiesOf(annotation).filter((body) => body.purpose === "linking")).toEqual([
      { type: ["TextualBody", "Source"], value: sources[0].citation, format: "text/plain", purpose: "linking" },
      { type: ["TextualBody", "Source"], value: sources[1].citation, format: "text/plain", purpose: "linking", url: sources[1].url },
      { type: ["TextualBody", "Source"], value: sources[2].citation, format: "text/plain", purpose: "linking", doi: sources[2].doi },
      { type: ["TextualBody", "Source"], value: sources[3].citation, format: "text/plain", purpose: "linking", url: sources[3].url, doi: sources[3].doi },
    ]);
  });

  it.each(REFERENCE_TYPES)("writes the reference type %s as a classifying ReferenceType body", (referenceType) => {
    const annotation = annotate(note({ referenceType }));
    expect(bodiesOf(annotation).filter((body) => body.purpose === "classifying")).toEqual([
      { type: ["TextualBody", "ReferenceType"], value: referenceType, purpose: "classifying" },
    ]);
  });

  it("writes the index entry as an identifying SpecificResource with its authority records as owl:sameAs", () => {
    const stalin: LinkedEntry = { id: "stalin", name: "Joseph Stalin", wikidata: "Q855", viaf: "101787139", geonames: null, gnd: "118616927" };
    const moscow: LinkedEntry = { id: "moscow", name: "Moscow", wikidata: "Q649", viaf: null, geonames: "524901", gnd: null };
    const person = annotate(note({ referenceType: "person", referenceEntry: { id: "stalin", name: "Joseph Stalin" } }), stalin);
    expect(bodiesOf(person).filter((body) => body.purpose === "identifying")).toEqual([
      {
        type: "SpecificResource",
        purpose: "identifying",
        source: {
          id: entryIri(APP, "stalin"),
          label: "Joseph Stalin",
          sameAs: ["http://www.wikidata.org/entity/Q855", "http://viaf.org/viaf/101787139", "https://d-nb.info/gnd/118616927"],
        },
      },
    ]);
    expect(entryIri(APP, "stalin")).toBe(`${APP}/references/stalin`);
    const place = annotate(note({ referenceType: "place", referenceEntry: { id: "moscow", name: "Moscow" } }), moscow);
    expect(bodiesOf(place).find((body) => body.purpose === "identifying")).toMatchObject({
      source: { sameAs: ["http://www.wikidata.org/entity/Q649", "https://sws.geonames.org/524901/"] },
    });
  });

  it("writes an index entry without authority records, and leaves a malformed identifier out", () => {
    const linked = { referenceEntry: { id: "left-opposition", name: "Left Opposition" } };
    const identifying = (annotation: WebAnnotation) => bodiesOf(annotation).find((body) => body.purpose === "identifying");
    const expected = { type: "SpecificResource", purpose: "identifying", source: { id: entryIri(APP, "left-opposition"), label: "Left Opposition" } };
    expect(identifying(annotate(note(linked), LEFT_OPPOSITION))).toEqual(expected);
    // The caller has no identifiers to add (or loaded another entry): the view's entry is described alone.
    expect(identifying(annotate(note(linked), null))).toEqual(expected);
    expect(identifying(annotate(note(linked), { ...LEFT_OPPOSITION, id: "someone-else", wikidata: "Q1" }))).toEqual(expected);
    expect(identifying(annotate(note(linked), { ...LEFT_OPPOSITION, wikidata: "855", gnd: "not-a-gnd" }))).toEqual(expected);
  });

  it("writes visibility, and the group's IRI for a group note only", () => {
    expect(annotate(note({ visibility: "private" }))).toMatchObject({ visibility: "private" });
    expect(annotate(note({ visibility: "private" }))).not.toHaveProperty("group");
    expect(annotate(note({ visibility: "public" }))).not.toHaveProperty("group");
    const grouped = annotate(note({ visibility: "group", group: { id: GROUP_ID, name: "Seminar on 1927" } }));
    expect(grouped).toMatchObject({ visibility: "group", group: groupIri(APP, GROUP_ID) });
    expect(grouped.group).toBe(`${APP}/groups/${GROUP_ID}`);
  });

  it("needs its bodies without ids: one on a purposeful body breaks a MUST (so the form matters)", () => {
    const annotation = toAnnotation(note(), { ...OPTIONS, entry: null });
    const withId = { ...annotation, body: [{ ...bodiesOf(annotation)[0], id: `${annotation.id}#body` }] };
    expect(mustFailures(withId)).toEqual(["3.3.5-bodyEWRNoPurpose"]);
  });
});

describe("the IRIs and the context", () => {
  it("builds IRIs from the configured origin and reads annotation IRIs back", () => {
    expect(containerIri(APP, SLUG)).toBe(`${APP}/annotations/${SLUG}/`);
    expect(parseAnnotationIri(APP, annotationIri(APP, SLUG, NOTE_ID))).toEqual({ slug: SLUG, id: NOTE_ID });
    for (const other of [`https://evil.example/annotations/${SLUG}/${NOTE_ID}`, `${APP}/annotations/${SLUG}/`, `${APP}/annotations/${SLUG}/not-a-uuid`, `${APP}/annotations/${SLUG}/${NOTE_ID}/x`, 42]) {
      expect(parseAnnotationIri(APP, other)).toBeNull();
    }
  });

  it("defines every Marginalia term an annotation uses, under the site's namespace or a standard one", () => {
    const context = marginaliaContext(APP)["@context"];
    expect(context.visibility).toEqual({ "@id": `${APP}/ns/marginalia#visibility` });
    expect(context.group).toEqual({ "@id": `${APP}/ns/marginalia#group`, "@type": "@id" });
    expect(context.Source).toBe(`${APP}/ns/marginalia#Source`);
    expect(context.sameAs).toEqual({ "@id": "http://www.w3.org/2002/07/owl#sameAs", "@type": "@id" });
    for (const term of MARGINALIA_TERMS) expect(context, term).toHaveProperty(term);
    const full = toAnnotation(note({ visibility: "group", group: { id: GROUP_ID, name: "Seminar" }, sources: [{ citation: "C", url: "https://x.example/", doi: "10.1234/x" }], referenceEntry: { id: "stalin", name: "Stalin" } }), { ...OPTIONS, entry: { ...LEFT_OPPOSITION, id: "stalin", wikidata: "Q855" } });
    const keys = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) keys.add(key), collect(inner);
    };
    collect(full);
    const own = [...keys].filter((key) => MARGINALIA_TERMS.has(key)).sort();
    expect(own).toEqual(["anchorStatus", "doi", "group", "moderationStatus", "replyCount", "sameAs", "url", "visibility"]);
  });
});

describe("parseAnnotation ∘ toAnnotation", () => {
  /** What a writer sets on a note, as ZCreateNote holds it: the round trip must restore exactly this. */
  function written(item: NoteView) {
    return {
      paragraph: item.paragraph,
      ...(item.quote ? { quote: item.quote } : {}),
      ...(item.position ? { position: item.position } : {}),
      referenceType: item.referenceType,
      body: item.body,
      tags: item.tags,
      sources: item.sources,
      visibility: item.visibility,
      ...(item.group ? { groupId: item.group.id } : {}),
      referenceEntryId: item.referenceEntry?.id ?? null,
    };
  }

  const notes: [string, AnnotatableNote, LinkedEntry | null][] = [
    ["a passage note", note(), null],
    ["a whole-paragraph note", note({ paragraph: "dateline", quote: null, position: null }), null],
    ["a passage at the paragraph's start", note({ quote: { exact: "Comrades", prefix: "", suffix: ", the" }, position: { start: 0, end: 8 } }), null],
    ["a passage beyond the Basic Multilingual Plane", note({ quote: { exact: "𝔗he 😀", prefix: "", suffix: "" }, position: { start: 3, end: 8 } }), null],
    ["a note with tags", note({ tags: ["opposition", "l'état", "1927"] }), null],
    ["a note with a citation only", note({ sources: [{ citation: "Carr 1958" }] }), null],
    ["a note with a source url", note({ sources: [{ citation: "Deutscher 1959", url: "https://archive.org/details/x" }] }), null],
    ["a note with a source doi", note({ sources: [{ citation: "Day 1973", doi: "10.1017/CBO9780511558382" }] }), null],
    ["a note with several sources", note({ sources: [{ citation: "A" }, { citation: "B", url: "https://b.example/", doi: "10.1234/b" }] }), null],
    ...REFERENCE_TYPES.map((referenceType): [string, AnnotatableNote, LinkedEntry | null] => [`a note of type ${referenceType}`, note({ referenceType }), null]),
    ["a note on an entry with authority records", note({ referenceType: "person", referenceEntry: { id: "stalin", name: "Joseph Stalin" } }), { ...LEFT_OPPOSITION, id: "stalin", name: "Joseph Stalin", wikidata: "Q855", gnd: "118616927" }],
    ["a note on an entry without them", note({ referenceEntry: { id: "left-opposition", name: "Left Opposition" } }), LEFT_OPPOSITION],
    ["a private note", note({ visibility: "private" }), null],
    ["a group note", note({ visibility: "group", group: { id: GROUP_ID, name: "Seminar" } }), null],
    ["a public note", note({ visibility: "public" }), null],
    ["a note with canonical and via", note({}, { canonical: `urn:uuid:${NOTE_ID}`, via: "https://elsewhere.example/anno/7" }), null],
    ["an orphaned note", note({ anchorStatus: "orphan" }), null],
  ];

  it.each(notes)("restores %s", (_label, item, entry) => {
    const parsed = parseAnnotation(overTheWire(annotate(item, entry)), OPTIONS);
    expect(parsed.kind).toBe("note");
    if (parsed.kind !== "note") return;
    expect(parsed.note).toEqual(written(item));
    expect(parsed).toMatchObject({ canonical: item.canonical, via: item.via, id: annotationIri(APP, SLUG, item.id), created: item.createdAt });
    expect(parsed.creator).toEqual({ id: personIri(APP, AUTHOR_ID), type: "Person", name: "Ada Reader" });
  });

  it.each([
    ["a reply to the note", reply(), NOTE_ID],
    ["a reply to a reply", reply({ id: REPLY_TO_REPLY_ID, parentId: REPLY_ID }), REPLY_ID],
  ])("restores %s", (_label, item, answered) => {
    const parsed = parseAnnotation(overTheWire(annotate(item)), OPTIONS);
    expect(parsed).toMatchObject({ kind: "reply", targetId: answered, body: "I agree.", canonical: null, via: null, id: annotationIri(APP, SLUG, item.id) });
  });
});

describe("parseAnnotation of what other clients send", () => {
  const minimal = { "@context": W3C_CONTEXT, type: "Annotation" };

  it("reads bodyValue and a paragraph IRI as a public whole-paragraph note of type other", () => {
    const parsed = parseAnnotation({ ...minimal, bodyValue: "Compare p. 3.", target: `${LETTER}#p7` }, OPTIONS);
    expect(parsed).toEqual({
      kind: "note",
      note: { paragraph: "p7", referenceType: "other", body: "Compare p. 3.", tags: [], sources: [], visibility: "public", referenceEntryId: null },
      canonical: null,
      via: null,
      id: null,
      creator: undefined,
      created: undefined,
    });
  });

  it("reads a single TextualBody without a purpose as the note, and plain text as Markdown", () => {
    const parsed = parseAnnotation({ ...minimal, body: { type: "TextualBody", value: "Plain.", format: "text/plain" }, target: { source: LETTER, selector: { type: "FragmentSelector", value: "s2" } } }, OPTIONS);
    expect(parsed).toMatchObject({ kind: "note", note: { paragraph: "s2", body: "Plain." } });
  });

  it("accepts a type list, an object source, RFC 3236 fragments and the refinement in either order", () => {
    const parsed = parseAnnotation(
      {
        "@context": [W3C_CONTEXT],
        type: ["Annotation"],
        motivation: "commenting",
        body: [{ type: "TextualBody", value: "Note.", purpose: "commenting" }],
        target: {
          type: "SpecificResource",
          source: { id: LETTER, type: "Text" },
          selector: {
            type: "FragmentSelector",
            conformsTo: "http://tools.ietf.org/rfc/rfc3236",
            value: "p12",
            refinedBy: [{ type: "TextPositionSelector", start: 8, end: 22 }, { type: "TextQuoteSelector", exact: "the Opposition" }],
          },
        },
      },
      OPTIONS,
    );
    expect(parsed).toMatchObject({ kind: "note", note: { paragraph: "p12", quote: { exact: "the Opposition", prefix: "", suffix: "" }, position: { start: 8, end: 22 } } });
  });

  it("normalises tags as the app does (trimmed, lower case, once each)", () => {
    const tags = ["Thermidor ", "thermidor", "NEP"].map((value) => ({ type: "TextualBody", value, purpose: "tagging" }));
    const parsed = parseAnnotation({ ...minimal, body: [{ type: "TextualBody", value: "Note.", purpose: "commenting" }, ...tags], target: `${LETTER}#p1` }, OPTIONS);
    expect(parsed.kind === "note" && parsed.note.tags).toEqual(["thermidor", "nep"]);
  });

  it("ignores the read-only terms a client sends back from a GET", () => {
    const annotation = { ...(overTheWire(annotate(note())) as Record<string, unknown>), moderationStatus: "hidden", anchorStatus: "orphan", replyCount: 99 };
    expect(parseAnnotation(annotation, OPTIONS)).toMatchObject({ kind: "note", note: { paragraph: "p12" } });
  });
});

describe("parseAnnotation refuses bad input, naming the field", () => {
  const good = () => overTheWire(annotate(note({ tags: ["opposition"], sources: [{ citation: "Carr 1958" }] }))) as Record<string, unknown> & { body: Record<string, unknown>[]; target: Record<string, unknown> };

  function refusal(input: unknown): AppError {
    try {
      parseAnnotation(input, OPTIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("bad_request");
      return error as AppError;
    }
    throw new Error("parseAnnotation accepted bad input");
  }
  const fieldsOf = (input: unknown) => Object.keys(refusal(input).details.fields ?? {});

  it.each([null, [], "an annotation", 42])("refuses %j: not an object", (input) => {
    expect(fieldsOf(input)).toEqual(["_"]);
  });

  it("refuses the wrong type", () => {
    expect(fieldsOf({ ...good(), type: "Note" })).toEqual(["type"]);
    expect(fieldsOf({ ...good(), type: undefined })).toEqual(["type"]);
  });

  it("refuses an annotation without a target", () => {
    expect(fieldsOf({ ...good(), target: undefined })).toEqual(["target"]);
  });

  it("refuses a target in another document", () => {
    const target = good().target;
    expect(fieldsOf({ ...good(), target: { ...target, source: letterIri(APP, "another-letter") } })).toEqual(["target.source"]);
    expect(fieldsOf({ ...good(), target: { ...target, source: `https://evil.example/letters/${SLUG}` } })).toEqual(["target.source"]);
    expect(fieldsOf({ ...good(), target: `${letterIri(APP, "another-letter")}#p12` })).toEqual(["target"]);
    expect(fieldsOf({ ...good(), target: "https://example.org/page" })).toEqual(["target"]);
    expect(fieldsOf({ ...good(), target: [`${LETTER}#p1`, `${LETTER}#p2`] })).toEqual(["target"]);
  });

  it("refuses a malformed paragraph anchor", () => {
    const target = good().target;
    const selector = target.selector as Record<string, unknown>;
    for (const value of ["p12345", "para12", "#p12", "", 12]) {
      expect(fieldsOf({ ...good(), target: { ...target, selector: { ...selector, value } } }), String(value)).toEqual(["target.selector.value"]);
    }
    expect(fieldsOf({ ...good(), target: `${LETTER}#paragraph-12` })).toEqual(["target"]);
    expect(fieldsOf({ ...good(), target: { source: LETTER } })).toEqual(["target.selector"]);
    expect(fieldsOf({ ...good(), target: { source: LETTER, selector: { type: "CssSelector", value: "#p12" } } })).toEqual(["target.selector"]);
  });

  it("refuses a passage whose position does not span its quote", () => {
    const target = good().target;
    const selector = target.selector as { refinedBy: Record<string, unknown>[] };
    const refinedBy = [selector.refinedBy[0], { type: "TextPositionSelector", start: 8, end: 9 }];
    expect(fieldsOf({ ...good(), target: { ...target, selector: { ...selector, refinedBy } } })).toEqual(["target.selector.refinedBy[1]"]);
    expect(fieldsOf({ ...good(), target: { ...target, selector: { ...selector, refinedBy: [selector.refinedBy[0]] } } })).toEqual(["target.selector.refinedBy"]);
  });

  it("refuses a remote @context without fetching it", () => {
    const error = refusal({ ...good(), "@context": [W3C_CONTEXT, "https://evil.example/context.jsonld"] });
    expect(error.message).toContain("remote contexts are not fetched");
    expect(Object.keys(error.details.fields ?? {})).toEqual(["@context"]);
    expect(fieldsOf({ ...good(), "@context": "https://www.w3.org/ns/anno.jsonld" })).toEqual(["@context"]);
    expect(fieldsOf({ ...good(), "@context": undefined })).toEqual(["@context"]);
    expect(fieldsOf({ ...good(), "@context": [`${APP}/ns/marginalia.jsonld`] })).toEqual(["@context"]);
    // Another site's Marginalia context is a remote context too.
    expect(fieldsOf({ ...good(), "@context": [W3C_CONTEXT, "https://other-marginalia.example/ns/marginalia.jsonld"] })).toEqual(["@context"]);
  });

  it("refuses an inline @context object", () => {
    const error = refusal({ ...good(), "@context": [W3C_CONTEXT, { visibility: "https://evil.example/visibility" }] });
    expect(Object.keys(error.details.fields ?? {})).toEqual(["@context"]);
    expect(fieldsOf({ ...good(), "@context": { "@vocab": "https://evil.example/" } })).toEqual(["@context"]);
  });

  it("refuses an unknown Marginalia term wherever it is", () => {
    const error = refusal({ ...good(), marginaliaSecret: true });
    expect(error.message).toContain("Unknown Marginalia term");
    expect(Object.keys(error.details.fields ?? {})).toEqual(["marginaliaSecret"]);
    expect(fieldsOf({ ...good(), "marginalia:visibility": "public" })).toEqual(["marginalia:visibility"]);
    expect(fieldsOf({ ...good(), "http://example.org/ns#colour": "red" })).toEqual(["http://example.org/ns#colour"]);
    expect(fieldsOf({ ...good(), "@graph": [] })).toEqual(["@graph"]);
    const [first, ...rest] = good().body;
    expect(fieldsOf({ ...good(), body: [{ ...first, colour: "red" }, ...rest] })).toEqual(["body[0].colour"]);
  });

  it("refuses an unknown reference type", () => {
    const body = good().body.map((item) => (item.purpose === "classifying" ? { ...item, value: "battle" } : item));
    const index = body.findIndex((item) => item.purpose === "classifying");
    expect(fieldsOf({ ...good(), body })).toEqual([`body[${index}].value`]);
  });

  it("refuses more than 20 tags, and more than 50 bodies", () => {
    const tags = Array.from({ length: 21 }, (_, index) => ({ type: "TextualBody", value: `tag ${index}`, purpose: "tagging" }));
    const error = refusal({ ...good(), body: [good().body[0], ...tags] });
    expect(error.details.fields).toEqual({ body: ["At most 20 tags"] });
    const many = Array.from({ length: 51 }, () => ({ type: "TextualBody", value: "x", purpose: "tagging" }));
    expect(fieldsOf({ ...good(), body: many })).toEqual(["body"]);
  });

  it("refuses an empty body", () => {
    const [comment, ...rest] = good().body;
    expect(fieldsOf({ ...good(), body: [{ ...comment, value: "   " }, ...rest] })).toEqual(["body[0].value"]);
    expect(fieldsOf({ ...good(), body: rest })).toEqual(["body"]);
    expect(fieldsOf({ ...good(), body: undefined })).toEqual(["body"]);
    expect(fieldsOf({ ...good(), body: undefined, bodyValue: "" })).toEqual(["bodyValue"]);
    expect(fieldsOf({ ...good(), bodyValue: "Both." })).toEqual(["bodyValue"]);
  });

  it("refuses bodies Marginalia cannot store", () => {
    const [comment] = good().body;
    expect(fieldsOf({ ...good(), body: [comment, comment] })).toEqual(["body[1]"]);
    expect(fieldsOf({ ...good(), body: [comment, "https://example.org/body"] })).toEqual(["body[1]"]);
    expect(fieldsOf({ ...good(), body: [{ ...comment, format: "text/html" }] })).toEqual(["body[0].format"]);
    expect(fieldsOf({ ...good(), body: [comment, { type: "SpecificResource", purpose: "identifying", source: "http://www.wikidata.org/entity/Q855" }] })).toEqual(["body[1].source"]);
    expect(fieldsOf({ ...good(), body: [comment, { type: "TextualBody", value: "Nice", purpose: "assessing" }] })).toEqual(["body[1]"]);
  });

  it("refuses a reply with a note's fields, a reply elsewhere, and motivations Marginalia does not store", () => {
    const answer = overTheWire(annotate(reply())) as Record<string, unknown> & { body: Record<string, unknown>[] };
    expect(fieldsOf({ ...answer, body: [...answer.body, { type: "TextualBody", value: "x", purpose: "tagging" }] })).toEqual(["body[1].value"]);
    expect(fieldsOf({ ...answer, target: annotationIri(APP, "another-letter", NOTE_ID) })).toEqual(["target"]);
    expect(fieldsOf({ ...answer, target: `${LETTER}#p12` })).toEqual(["target"]);
    expect(fieldsOf({ ...answer, motivation: "commenting" })).toEqual(["motivation"]);
    expect(fieldsOf({ ...good(), motivation: "highlighting" })).toEqual(["motivation"]);
  });

  it("refuses a group that is not this site's, and a group note without one", () => {
    expect(fieldsOf({ ...good(), visibility: "group", group: `https://evil.example/groups/${GROUP_ID}` })).toEqual(["group"]);
    expect(fieldsOf({ ...good(), visibility: "group" })).toEqual(["group"]);
    expect(fieldsOf({ ...good(), visibility: "everyone" })).toEqual(["visibility"]);
  });

  it("refuses a source that is not a well-formed citation", () => {
    const body = good().body.map((item) => (item.purpose === "linking" ? { ...item, url: "javascript:alert(1)" } : item));
    const index = body.findIndex((item) => item.purpose === "linking");
    expect(fieldsOf({ ...good(), body })).toEqual([`body[${index}].url`]);
    const badDoi = good().body.map((item) => (item.purpose === "linking" ? { ...item, doi: "doi:10.1/x" } : item));
    expect(fieldsOf({ ...good(), body: badDoi })).toEqual([`body[${index}].doi`]);
  });

  it("refuses canonical and via that are not IRIs", () => {
    expect(fieldsOf({ ...good(), canonical: "not an iri" })).toEqual(["canonical"]);
    expect(fieldsOf({ ...good(), via: 7 })).toEqual(["via"]);
  });
});
