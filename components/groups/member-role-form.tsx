"use client";

import { useState } from "react";

export function MemberRoleForm({ groupId, userId, role, name }: { groupId: string; userId: string; role: "moderator" | "member"; name: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const next = new FormData(event.currentTarget).get("role");
        const response = await fetch(`/api/groups/${groupId}/members/${userId}`, {
          method: "PATCH",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ role: next }),
        });
        if (response.ok) window.location.reload();
        else setError(((await response.json().catch(() => ({}))) as { message?: string }).message ?? "That did not work.");
      }}
    >
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        <option value="member">member</option>
        <option value="moderator">moderator</option>
      </select>
      <button type="submit" className="button">
        Change role
      </button>
      {error ? <span role="alert" className="field-error">{error}</span> : null}
    </form>
  );
}
