"use client";

import { useState } from "react";

type Props = { userId: string; name: string; siteRole: "researcher" | "reviewer" | "admin"; suspended: boolean };

/** Role change and suspension for one user; each needs a reason, which goes into the audit log. */
export function UserAdminForm({ userId, name, siteRole, suspended }: Props) {
  const [error, setError] = useState<string | null>(null);
  async function send(path: "role" | "suspension", body: object) {
    setError(null);
    const response = await fetch(`/api/admin/users/${userId}/${path}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) return window.location.reload();
    const data = (await response.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string[]> };
    setError(data.fields ? Object.values(data.fields).flat().join(" ") : (data.message ?? "That did not work."));
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const reason = String(form.get("reason") ?? "");
        const action = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
        if (action === "role") void send("role", { siteRole: form.get("siteRole"), reason });
        else void send("suspension", { suspended: !suspended, reason });
      }}
    >
      <label className="visually-hidden" htmlFor={`site-role-${userId}`}>
        Site role of {name}
      </label>
      <select id={`site-role-${userId}`} name="siteRole" defaultValue={siteRole}>
        <option value="researcher">researcher</option>
        <option value="reviewer">reviewer</option>
        <option value="admin">admin</option>
      </select>
      <label className="visually-hidden" htmlFor={`reason-${userId}`}>
        Reason for the change to {name}
      </label>
      <input id={`reason-${userId}`} name="reason" placeholder="Reason (kept in the audit log)" required minLength={3} maxLength={500} />
      <button type="submit" name="action" value="role" className="button">
        Change role
      </button>
      <button type="submit" name="action" value="suspension" className="button button-danger">
        {suspended ? "Restore" : "Suspend"}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
