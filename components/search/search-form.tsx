import { REFERENCE_TYPES } from "@/lib/annotations/note-schemas";
import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";

type Option = { value: string; label: string };
type Props = {
  slug: string;
  current: Record<string, string>;
  errors: Record<string, string[]>;
  groups: { id: string; name: string }[];
  tags: string[];
  signedIn: boolean;
};

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  ) : null;
}

function FilterSelect({ name, label, value, options, errors }: { name: string; label: string; value?: string; options: Option[]; errors?: string[] }) {
  const id = `search-${name}`;
  return (
    <div className="field search-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/**
 * The search form: a plain GET form, so it works without JavaScript and every search has a URL. Filters that come
 * from a link (author, index entry, paragraph) travel as hidden fields so a new search keeps them.
 */
export function SearchForm({ slug, current, errors, groups, tags, signedIn }: Props) {
  const qErrors = errors.q ?? errors._;
  return (
    <form className="search-form" role="search" method="get" action={`/letters/${slug}/search`}>
      <div className="field search-words">
        <label htmlFor="search-q">Search the notes</label>
        <p id="search-q-hint" className="field-hint">
          Words match in any form (“arrest” finds “arrested”). Put a phrase in quotes, write “or” between alternatives,
          and a minus sign before a word to leave it out.
        </p>
        <div className="search-words-row">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={current.q ?? ""}
            maxLength={200}
            aria-invalid={qErrors?.length ? true : undefined}
            aria-describedby={["search-q-hint", qErrors?.length ? "search-q-error" : null].filter(Boolean).join(" ")}
          />
          <button type="submit" className="button-primary">
            Search
          </button>
        </div>
        <FieldError id="search-q-error" messages={qErrors} />
      </div>
      <fieldset className="search-filters">
        <legend>Filters</legend>
        <FilterSelect
          name="referenceType"
          label="Reference type"
          value={current.referenceType}
          options={REFERENCE_TYPES.map((type) => ({ value: type, label: REFERENCE_TYPE_LABELS[type] }))}
          errors={errors.referenceType}
        />
        <div className="field search-filter">
          <label htmlFor="search-tag">Tag</label>
          <input
            id="search-tag"
            name="tag"
            list="search-tag-options"
            defaultValue={current.tag ?? ""}
            maxLength={40}
            aria-invalid={errors.tag?.length ? true : undefined}
            aria-describedby={errors.tag?.length ? "search-tag-error" : undefined}
          />
          <datalist id="search-tag-options">
            {tags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          <FieldError id="search-tag-error" messages={errors.tag} />
        </div>
        {signedIn ? (
          <FilterSelect
            name="visibility"
            label="Visibility"
            value={current.visibility}
            options={[
              { value: "public", label: "Public" },
              { value: "group", label: "Group" },
              { value: "private", label: "Private (mine)" },
            ]}
            errors={errors.visibility}
          />
        ) : null}
        {groups.length ? (
          <FilterSelect
            name="group"
            label="Group"
            value={current.group}
            options={groups.map((group) => ({ value: group.id, label: group.name }))}
            errors={errors.group}
          />
        ) : null}
        {(["author", "entry", "paragraph"] as const).map((name) =>
          current[name] ? <input key={name} type="hidden" name={name} value={current[name]} /> : null,
        )}
      </fieldset>
      {(["author", "entry", "paragraph", "limit", "cursor"] as const).some((name) => errors[name]) ? (
        <p className="form-error" role="alert">
          {(["author", "entry", "paragraph", "limit", "cursor"] as const)
            .flatMap((name) => (errors[name] ?? []).map((message) => `${name}: ${message}`))
            .join(" ")}{" "}
          <a href={`/letters/${slug}/search${current.q ? `?q=${encodeURIComponent(current.q)}` : ""}`}>Search without these filters</a>
        </p>
      ) : null}
    </form>
  );
}
