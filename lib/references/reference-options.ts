import { checkedOutput } from "../errors/checked-output";
import { z } from "zod";
import { ZReferenceType } from "./reference-schemas";
import type { TReferenceGroup } from "./reference-queries";

/**
 * What the note composer needs of each entry (GET /api/references): enough to list it and to find its mentions in
 * a passage, nothing more, since every signed-in writer downloads it.
 */
export const ZReferenceOption = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: ZReferenceType,
  aliases: z.array(z.string()),
}).meta({ id: "ReferenceOption" });
export type TReferenceOption = z.infer<typeof ZReferenceOption>;

export const ZReferenceOptions = z.strictObject({ entries: z.array(ZReferenceOption) }).meta({ id: "ReferenceOptions" });
export type TReferenceOptions = z.infer<typeof ZReferenceOptions>;

/** The entries alphabetically, whatever their type. */
export function toReferenceOptions(groups: ReadonlyArray<TReferenceGroup>): TReferenceOptions {
  const entries = groups
    .flatMap((group) => group.entries)
    .map((entry) => ({ id: entry.id, name: entry.name, type: entry.type, aliases: entry.aliases.map((alias) => alias.text) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  return checkedOutput(ZReferenceOptions, { entries }, "the reference options");
}

/**
 * The entries as the composer lists them: those mentioned in the passage first, in the order the passage mentions
 * them, then all the others in the given order. No entry appears twice; unknown ids are ignored.
 */
export function offerEntries<T extends { id: string }>(
  options: ReadonlyArray<T>,
  mentionedIds: ReadonlyArray<string>,
): { mentioned: T[]; others: T[] } {
  const byId = new Map(options.map((option) => [option.id, option]));
  const mentioned = [...new Set(mentionedIds)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const offered = new Set(mentioned.map((option) => option.id));
  return { mentioned, others: options.filter((option) => !offered.has(option.id)) };
}
