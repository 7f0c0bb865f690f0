/** The form-level error (announced as an alert) or success message (announced politely). */
export function FormStatus({ error, success }: { error: string | null; success?: string | null }) {
  return (
    <>
      <div role="alert" className={error ? "form-error" : undefined}>
        {error}
      </div>
      <div role="status" className={success ? "form-success" : undefined}>
        {success}
      </div>
    </>
  );
}
