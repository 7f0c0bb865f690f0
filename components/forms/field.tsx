import type { FieldErrors } from "./use-json-form";

type Props = {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  type?: string;
  multiline?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "type">;

/** A labelled input whose hint and server-side errors are tied to it for screen readers (aria-describedby). */
export function Field({ name, label, errors, hint, type = "text", multiline = false, ...input }: Props) {
  const id = `field-${name}`;
  const messages = errors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, "aria-invalid": messages.length ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} defaultValue={input.defaultValue as string | undefined} rows={5} maxLength={input.maxLength} />
      ) : (
        <input {...common} type={type} {...input} />
      )}
      {messages.length ? (
        <p id={`${id}-error`} className="field-error">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
