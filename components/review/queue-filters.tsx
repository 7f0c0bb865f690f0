import { FilterSelect } from "@/components/forms/filter-select";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import { REFERENCE_TYPES } from "@/lib/annotations/note-schemas";
import { FLAG_REASONS, FLAG_REASON_LABELS, type TReviewQueueQuery } from "@/lib/moderation/review-queue-view";



/** Sort and filters of the queue: a plain GET form, so each view has a URL and works without JavaScript. */
export function QueueFilters({ query, groups }: { query: TReviewQueueQuery; groups: { id: string; name: string }[] }) {
  return (
    <form className="review-filters" method="get" action="/review" aria-label="Sort and filter the queue">
      <FilterSelect idPrefix="queue"
        name="sort"
        label="Order"
        value={query.sort}
        options={[
          { value: "oldest", label: "Oldest first" },
          { value: "flags", label: "Most flags first" },
        ]}
      />
      <FilterSelect idPrefix="queue" name="reason" label="Flag reason" value={query.reason} any="Any" options={FLAG_REASONS.map((reason) => ({ value: reason, label: FLAG_REASON_LABELS[reason] }))} />
      {groups.length ? <FilterSelect idPrefix="queue" name="group" label="Group" value={query.group} any="Any" options={groups.map((group) => ({ value: group.id, label: group.name }))} /> : null}
      <FilterSelect idPrefix="queue"
        name="referenceType"
        label="Reference type"
        value={query.referenceType}
        any="Any"
        options={REFERENCE_TYPES.map((type) => ({ value: type, label: REFERENCE_TYPE_LABELS[type] }))}
      />
      <div className="filter-actions">
        <button type="submit" className="button">
          Apply
        </button>
        <a href="/review">Clear</a>
      </div>
    </form>
  );
}
