"use client";

import { useState } from "react";
import { sendJson } from "@/components/forms/send-json";

type Mode = "open" | "premoderated";

/** For a group's owners and moderators: whether members' group notes are published at once or wait for them. */
export function GroupModerationForm({ groupId, mode }: { groupId: string; mode: Mode }) {
  const [saved, setSaved] = useState<Mode>(mode);
  const [choice, setChoice] = useState<Mode>(mode);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="group-moderation-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        if (choice === saved) return setStatus("Nothing to save: that is already the setting.");
        const result = await sendJson(`/api/groups/${groupId}/moderation`, "PUT", { mode: choice });
        if (!result.ok) return setError(result.message);
        setSaved(choice);
        setStatus(choice === "premoderated" ? "Saved: members' notes now wait for review." : "Saved: members' notes are published at once.");
      }}
    >
      <fieldset>
        <legend>Members’ notes in this group</legend>
        <p>
          <input type="radio" id="mode-open" name="mode" value="open" checked={choice === "open"} onChange={() => setChoice("open")} />{" "}
          <label htmlFor="mode-open">Published at once</label>
        </p>
        <p>
          <input type="radio" id="mode-premoderated" name="mode" value="premoderated" checked={choice === "premoderated"} onChange={() => setChoice("premoderated")} />{" "}
          <label htmlFor="mode-premoderated">Wait for review by the group’s owners and moderators (in the review queue)</label>
        </p>
      </fieldset>
      {/* Never disabled: disabling the focused button after saving would drop keyboard focus to the page. */}
      <button type="submit" className="button">
        Save
      </button>
      <p role="status">{status}</p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
