import { describe, expect, it } from "vitest";
import { ifNoneMatchHolds, isAnnotationBodyType, negotiateMediaType, parseIfMatch, parsePrefer } from "@/lib/w3c/protocol-headers";
import { annotationServiceLink } from "@/lib/w3c/annotation-service-link";
import { collectionIri, containerBody, pageIri } from "@/lib/w3c/container-representation";

const MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
const IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
const DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

describe("Prefer (RFC 7240, LDP, W3C protocol §4.2)", () => {
  it("reads the include list of return=representation", () => {
    expect(parsePrefer(null)).toEqual({ minimal: false, iris: false });
    expect(parsePrefer(`return=representation;include="${MINIMAL}"`)).toEqual({ minimal: true, iris: false });
    expect(parsePrefer(`return=representation; include="${MINIMAL} ${IRIS}"`)).toEqual({ minimal: true, iris: true });
    expect(parsePrefer(`return=representation;include="${DESCRIPTIONS}"`)).toEqual({ minimal: false, iris: false });
    expect(parsePrefer(`respond-async, return=representation;include="${IRIS}"`)).toEqual({ minimal: false, iris: true });
  });

  it("ignores what is not ours: other preferences, return=minimal, garbage", () => {
    expect(parsePrefer("return=minimal")).toEqual({ minimal: false, iris: false });
    expect(parsePrefer(`wait=10; include="${IRIS}"`)).toEqual({ minimal: false, iris: false });
    expect(parsePrefer('return=representation;include="urn:x:unknown"')).toEqual({ minimal: false, iris: false });
    expect(parsePrefer("\u0000;;;")).toEqual({ minimal: false, iris: false });
  });
});

describe("If-Match (RFC 9110 §13.1.1)", () => {
  it("reads *, one or several strong tags, and drops weak ones (they never match a write)", () => {
    expect(parseIfMatch(null)).toEqual({ kind: "absent" });
    expect(parseIfMatch("*")).toEqual({ kind: "any" });
    expect(parseIfMatch('"2.0"')).toEqual({ kind: "tags", tags: ['"2.0"'] });
    expect(parseIfMatch(' "1.0" , W/"2.0", "3.1"')).toEqual({ kind: "tags", tags: ['"1.0"', '"3.1"'] });
  });

  it("calls unquoted or broken lists malformed", () => {
    for (const header of ["2.0", '"2.0', '"a""b"', '"1", ', "W/2"]) expect(parseIfMatch(header).kind, header).toBe("malformed");
  });
});

describe("If-None-Match (RFC 9110 §13.1.2)", () => {
  it("holds for the tag, weakly compared, among others, or *; not for another tag or no header", () => {
    expect(ifNoneMatchHolds('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHolds('"x", W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHolds("*", '"abc"')).toBe(true);
    expect(ifNoneMatchHolds('"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatchHolds(null, '"abc"')).toBe(false);
  });
});

describe("content negotiation", () => {
  it("answers JSON-LD by default and for */*, plain JSON only when asked over it, nothing for other types", () => {
    expect(negotiateMediaType(null)).toBe("ld+json");
    expect(negotiateMediaType("*/*")).toBe("ld+json");
    expect(negotiateMediaType('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe("ld+json");
    expect(negotiateMediaType("application/json")).toBe("json");
    expect(negotiateMediaType("application/json, application/ld+json;q=0.5")).toBe("json");
    expect(negotiateMediaType("text/html,application/xhtml+xml,*/*;q=0.8")).toBe("ld+json");
    expect(negotiateMediaType("text/csv")).toBeNull();
    expect(negotiateMediaType("application/ld+json;q=0")).toBeNull();
  });

  it("takes request bodies as JSON-LD (with or without the profile) or JSON", () => {
    expect(isAnnotationBodyType('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe(true);
    expect(isAnnotationBodyType("application/ld+json")).toBe(true);
    expect(isAnnotationBodyType("application/json; charset=utf-8")).toBe(true);
    expect(isAnnotationBodyType("text/plain")).toBe(false);
    expect(isAnnotationBodyType(null)).toBe(false);
  });
});

describe("the container's IRIs and discovery", () => {
  const container = "https://m.example/annotations/reply-to-stalin/";
  it("gives every representation its own IRI", () => {
    const ids = [
      collectionIri(container, { iris: false, minimal: false }),
      collectionIri(container, { iris: true, minimal: false }),
      collectionIri(container, { iris: false, minimal: true }),
      collectionIri(container, { iris: true, minimal: true }),
    ];
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(container);
    expect(pageIri(container, true, 3)).toBe(`${container}?iris=1&page=3`);
  });

  it("embeds the first page or links it, and links the last; page links carry their keyset position", () => {
    const firstPage = { id: pageIri(container, false, 0), startIndex: 0, prev: null, next: pageIri(container, false, 1, { after: "abc" }), items: [] };
    const full = containerBody({ id: container, total: 250, label: "x", first: firstPage, last: pageIri(container, false, 2, { last: 50 }) });
    expect(full).toMatchObject({ type: ["BasicContainer", "AnnotationCollection"], total: 250, last: `${container}?page=2&last=50`, first: { type: "AnnotationPage", startIndex: 0, next: `${container}?page=1&after=abc` } });
    expect(full.first).not.toHaveProperty("prev");
    const minimal = containerBody({ id: collectionIri(container, { iris: false, minimal: true }), total: 250, label: "x", first: pageIri(container, false, 0), last: pageIri(container, false, 2) });
    expect(minimal.first).toBe(`${container}?page=0`);
    expect(pageIri(container, true, 4, { before: "xyz" })).toBe(`${container}?iris=1&page=4&before=xyz`);
  });

  it("names the container on reading pages only", () => {
    expect(annotationServiceLink("https://m.example", "/letters/reply-to-stalin")).toBe('<https://m.example/annotations/reply-to-stalin/>; rel="http://www.w3.org/ns/oa#annotationService"');
    expect(annotationServiceLink("https://m.example", "/letters/reply-to-stalin/search")).toContain("/annotations/reply-to-stalin/");
    expect(annotationServiceLink("https://m.example", "/account")).toBeNull();
    expect(annotationServiceLink("https://m.example", "/letters/")).toBeNull();
  });
});
