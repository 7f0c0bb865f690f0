"use client";

import { useState } from "react";

export type FieldErrors = Record<string, string[]>;
type Result = { ok: true; data: unknown } | { ok: false };

/**
 * Submits a form as JSON to one of our API routes and keeps what the server said: per-field messages (from zod,
 * shown beside each field), a form-level message, and whether a request is on its way.
 */
export function useJsonForm(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE" = "POST") {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(body: unknown): Promise<Result> {
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const response = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (response.ok) return { ok: true, data };
      setFieldErrors(data.fields ?? {});
      const retry = response.headers.get("Retry-After");
      setFormError(
        response.status === 429 && retry
          ? `${data.message ?? "Too many attempts"} (about ${Math.ceil(Number(retry) / 60)} min).`
          : data.fields
            ? "Please correct the fields marked below."
            : (data.message ?? "Something went wrong."),
      );
      return { ok: false };
    } catch {
      setFormError("The server could not be reached. Check your connection and try again.");
      return { ok: false };
    } finally {
      setPending(false);
    }
  }

  return { submit, fieldErrors, formError, pending };
}

/** The form's named fields as a plain object of strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([key, value]) => [key, String(value)]));
}
