import { ZCreateNote } from "@/lib/annotations/note-schemas";

/** A public note draft with a test's own defaults; each call may override any field. */
export function noteDraft(defaults: Record<string, unknown>) {
  return (overrides: Record<string, unknown> = {}) => ZCreateNote.parse({ visibility: "public", ...defaults, ...overrides });
}
