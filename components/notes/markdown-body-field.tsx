"use client";

/** The same hint wherever a reader writes Markdown here. */
export function MarkdownHint({ id }: { id: string }) {
  return (
    <p id={id} className="field-hint">
      Markdown: *emphasis*, **strong**, [link](https://…), lists. No images or HTML.
    </p>
  );
}

type Props = {
  /** A useId() of the form; the text box, hint and error take ids built from it. */
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  /** The server's messages for the body, shown under the box and tied to it. */
  errors: string[];
  ref?: React.Ref<HTMLTextAreaElement>;
};

/**
 * The controlled Markdown text box of a reply or an edit. Unlike forms/Field its ids come from the form's useId, so
 * several of these (a thread's reply forms, an edit) can be open on one page.
 */
export function MarkdownBodyField({ id, label, rows, value, onChange, errors, ref }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={`${id}-body`}>{label}</label>
      <MarkdownHint id={hintId} />
      <textarea
        id={`${id}-body`}
        ref={ref}
        name="body"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={[hintId, errors.length ? errorId : null].filter(Boolean).join(" ")}
      />
      {errors.length ? (
        <p id={errorId} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
