import { FilterSelect } from "@/components/forms/filter-select";
import { REFERENCE_TYPES } from "@/lib/annotations/note-schemas";
import type { NoteFilterOptions } from "@/lib/annotations/note-filter-options";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";

export type NotesView = {
  sort: "position" | "newest" | "oldest" | "discussed";
  referenceType?: string;
  entry?: string;
  tag?: string;
  author?: string;
  group?: string;
  visibility?: string;
  paragraph?: string;
};

const SORT_LABELS = { position: "Position in the letter", newest: "Newest first", oldest: "Oldest first", discussed: "Most discussed" } as const;



/**
 * Filtering and sorting the notes beside the letter: a plain GET form, so it works before (and without) JavaScript
 * and every view has a URL to share. Only authors, tags, groups and entries the reader can see are offered.
 */
export function NotesFilterBar({
  slug,
  view,
  options,
  groups,
  entries,
  shown,
  signedIn,
}: {
  slug: string;
  view: NotesView;
  options: NoteFilterOptions;
  groups: { id: string; name: string }[];
  entries: { id: string; name: string }[];
  shown: number;
  signedIn: boolean;
}) {
  const filtered = Boolean(view.referenceType || view.entry || view.tag || view.author || view.group || view.visibility || view.paragraph);
  return (
    <details className="notes-filter" open={filtered || view.sort !== "position"}>
      <summary>
        Filter and sort notes <span className="notes-filter-summary">({shown === 1 ? "1 note shown" : `${shown} notes shown`}{filtered ? ", filtered" : ""})</span>
      </summary>
      <form method="get" action={`/letters/${slug}`} className="notes-filter-form" role="search" aria-label="Filter notes">
        <FilterSelect idPrefix="filter" name="sort" label="Sort" value={view.sort} options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))} />
        <FilterSelect idPrefix="filter" name="type" label="Reference type" value={view.referenceType} any="Any type" options={REFERENCE_TYPES.map((type) => ({ value: type, label: REFERENCE_TYPE_LABELS[type] }))} />
        <FilterSelect idPrefix="filter" name="entry" label="Index entry" value={view.entry} any="Any entry" options={entries.map((entry) => ({ value: entry.id, label: entry.name }))} />
        <FilterSelect idPrefix="filter" name="tag" label="Tag" value={view.tag} any="Any tag" options={options.tags.map((tag) => ({ value: tag, label: tag }))} />
        <FilterSelect idPrefix="filter" name="author" label="Author" value={view.author} any="Anyone" options={options.authors.map((author) => ({ value: author.id, label: author.name }))} />
        {signedIn ? (
          <>
            <FilterSelect idPrefix="filter" name="group" label="Group" value={view.group} any="Any group" options={groups.map((group) => ({ value: group.id, label: group.name }))} />
            <FilterSelect idPrefix="filter"
              name="visibility"
              label="Visibility"
              value={view.visibility}
              any="Any visibility"
              options={[
                { value: "public", label: "Public" },
                { value: "group", label: "Group" },
                { value: "private", label: "Private (mine)" },
              ]}
            />
          </>
        ) : null}
        {view.paragraph ? <input type="hidden" name="paragraph" value={view.paragraph} /> : null}
        <p className="filter-actions">
          <button type="submit" className="button">
            Apply
          </button>
          {filtered || view.sort !== "position" ? <a href={`/letters/${slug}`}>Clear filters</a> : null}
        </p>
      </form>
    </details>
  );
}
