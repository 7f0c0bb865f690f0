/** An error announced next to the control that caused it. */
export function InlineError({ message }: { message: string | null }) {
  return message ? (
    <span role="alert" className="field-error">
      {" "}
      {message}
    </span>
  ) : null;
}
