"use client";

import { useState } from "react";
import { InlineError } from "@/components/forms/inline-error";
import { sendJson } from "@/components/forms/send-json";

type Props = {
  url: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  label: React.ReactNode;
  confirm?: string;
  /** "reload", a path to go to, or a function run after success. */
  then?: "reload" | string | (() => void);
  danger?: boolean;
};

/** A button that sends one JSON request, then reloads the page (or goes elsewhere); errors are announced beside it. */
export function RequestButton({ url, method, body, label, confirm, then = "reload", danger = false }: Props) {
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
          const result = await sendJson(url, method, body);
          setPending(false);
          if (!result.ok) return setError(result.message);
          if (typeof then === "function") then();
          else if (then === "reload") window.location.reload();
          else window.location.assign(then);
        }}
      >
        {label}
      </button>
      <InlineError message={error} />
    </span>
  );
}
