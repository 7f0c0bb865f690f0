import type { TReferenceType } from "@/lib/references/reference-schemas";

/** Headings of the index's sections, one per type. */
export const REFERENCE_TYPE_HEADINGS: Record<TReferenceType, string> = {
  person: "People",
  organisation: "Organisations",
  place: "Places",
  event: "Events",
  work: "Works and documents",
  concept: "Concepts and ideas",
  law: "Laws",
  other: "Other",
};

/** One entry's type, as a reader reads it. */
export const REFERENCE_TYPE_LABELS: Record<TReferenceType, string> = {
  person: "Person",
  organisation: "Organisation",
  place: "Place",
  event: "Event",
  work: "Work or document",
  concept: "Concept",
  law: "Law",
  other: "Other",
};
