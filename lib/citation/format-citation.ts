import type { CitationSource } from "./citation-source";
import { chicagoDate, monthOf, yearOf } from "./format-dates";

/** "L.D. Trotsky" -> "Trotsky, L. D." */
export function invertName(name: string): string {
  const tokens = name.trim().split(/\s+/);
  if (tokens.length < 2) return name.trim();
  const surname = tokens.pop()!;
  const initials = tokens.join(" ").replace(/\.(?=\S)/g, ". ");
  return `${surname}, ${initials}`;
}

/** A Chicago-style bibliography entry for a letter in an online edition, with the passage's permalink. */
export function formatChicago(source: CitationSource): string {
  const author = invertName(source.author);
  const parts = [`${author.endsWith(".") ? author : `${author}.`} “${source.title}.”`];
  const written = [source.place, source.writtenOn ? chicagoDate(source.writtenOn) : null].filter(Boolean).join(", ");
  if (written) parts.push(`Letter, ${written}.`);
  if (source.translation) parts.push(`Translated ${source.translation.replace(/^By /, "by ").replace(/\.?$/, ".")}`);
  if (source.locator) parts.push(/^\d+$/.test(source.locator) ? `Para. ${source.locator}.` : `§ ${source.locator}.`);
  parts.push(`${source.publisher}.`);
  if (source.lastModifiedOn) parts.push(`Last modified ${chicagoDate(source.lastModifiedOn)}.`);
  parts.push(`Accessed ${chicagoDate(source.accessedOn)}.`);
  parts.push(`${source.url}.`);
  return parts.join(" ");
}

const BIBTEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/g, (character) => BIBTEX_SPECIALS[character]);
}

function bibtexKey(source: CitationSource): string {
  const surname = invertName(source.author).split(",")[0].toLowerCase().replace(/[^a-z]/g, "");
  const firstWord = source.title.toLowerCase().split(/\s+/).find((word) => word.length > 3) ?? "text";
  const year = source.writtenOn ? yearOf(source.writtenOn) : "nd";
  const locator = source.locator ? `-${source.locator.replace(/[^a-z0-9]/gi, "")}` : "";
  return `${surname}${year}${firstWord.replace(/[^a-z]/g, "")}${locator}`;
}

export const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A BibTeX @misc entry (biblatex-compatible url/urldate fields). */
export function formatBibtex(source: CitationSource): string {
  const note = [
    source.place || source.writtenOn ? `Letter${source.place ? `, ${source.place}` : ""}` : null,
    source.translation ? `Translated ${source.translation.replace(/^By /, "by ").replace(/\.$/, "")}` : null,
    source.locator ? (/^\d+$/.test(source.locator) ? `paragraph ${source.locator}` : `section ${source.locator}`) : null,
  ].filter(Boolean);
  const fields: [string, string][] = [
    ["author", `{${escapeBibtex(invertName(source.author))}}`],
    ["title", `{${escapeBibtex(source.title)}}`],
  ];
  if (source.writtenOn) {
    fields.push(["year", `{${yearOf(source.writtenOn)}}`], ["month", BIBTEX_MONTHS[monthOf(source.writtenOn) - 1]]);
    fields.push(["date", `{${source.writtenOn}}`]);
  }
  fields.push(["howpublished", `{${escapeBibtex(source.publisher)}}`]);
  if (note.length) fields.push(["note", `{${escapeBibtex(note.join(". "))}}`]);
  fields.push(["url", `{${source.url}}`], ["urldate", `{${source.accessedOn}}`]);
  const body = fields.map(([key, value]) => `  ${key} = ${value}`).join(",\n");
  return `@misc{${bibtexKey(source)},\n${body}\n}`;
}
