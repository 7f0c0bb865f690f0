export type FilterOption = { value: string; label: string };

/** One labelled select of a GET filter form; `any` adds a first, empty choice ("Any type"). */
export function FilterSelect({
  idPrefix,
  name,
  label,
  value,
  options,
  any,
}: {
  idPrefix: string;
  name: string;
  label: string;
  value?: string;
  options: FilterOption[];
  any?: string;
}) {
  const id = `${idPrefix}-${name}`;
  return (
    <p className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {any ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </p>
  );
}
