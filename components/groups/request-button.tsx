"use client";

import { useState } from "react";

/** A button that sends one JSON request, then reloads the page (or goes elsewhere); errors are announced. */
export function RequestButton({
  url,
  method,
  body,
  label,
  confirm,
  then = "reload",
  danger = false,
}: {
  url: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  label: string;
  confirm?: string;
  then?: "reload" | string;
  danger?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <span>
      <button
        type="button"
        className={danger ? "button button-danger" : "button"}
        disabled={pending}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          setPending(true);
          setError(null);
          const response = await fetch(url, {
            method,
            headers: { "Content-Type": "application/json" },
            body: body === undefined ? "{}" : JSON.stringify(body),
          });
          setPending(false);
          if (response.ok) {
            if (then === "reload") window.location.reload();
            else window.location.assign(then);
            return;
          }
          const data = (await response.json().catch(() => ({}))) as { message?: string };
          setError(data.message ?? "That did not work.");
        }}
      >
        {label}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {" "}
          {error}
        </span>
      ) : null}
    </span>
  );
}
