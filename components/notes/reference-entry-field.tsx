"use client";

import { useEffect, useMemo, useState } from "react";
import { offerEntries, ZReferenceOptions, type TReferenceOption } from "@/lib/references/reference-options";
import type { TReferenceType } from "@/lib/references/reference-schemas";
import { mentionedEntryIds } from "./mentioned-entry-ids";
import type { NoteTarget } from "./note-dialog";

type Props = {
  target: NoteTarget;
  errors?: string[];
  /** Called with the chosen entry's type, so the dialog can propose it as the note's reference type. */
  onChoose: (type: TReferenceType | null) => void;
};

/**
 * "Index entry": an optional link from the note to an entry of the reference index. Entries the passage mentions
 * come first. The index is fetched when the dialog opens (GET /api/references, cached by the browser for minutes).
 */
export function ReferenceEntryField({ target, errors, onChoose }: Props) {
  const [entries, setEntries] = useState<TReferenceOption[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    fetch("/api/references", { headers: { Accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return ZReferenceOptions.parse(await response.json()).entries;
      })
      .then((loaded) => isCurrent && setEntries(loaded))
      .catch(() => isCurrent && setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, []);

  const offered = useMemo(() => {
    if (!entries) return null;
    const mentionables = entries.map((entry) => ({ id: entry.id, aliases: entry.aliases.map((text) => ({ text })) }));
    return offerEntries(entries, mentionedEntryIds(target, mentionables));
  }, [entries, target]);

  const hint = failed
    ? "The reference index could not be loaded; you can save the note without an entry."
    : "Optional: the entry of the reference index this note is about. Entries named in the passage come first.";
  const describedBy = ["field-referenceEntryId-hint", errors?.length ? "field-referenceEntryId-error" : null].filter(Boolean).join(" ");

  function onChange(event: React.ChangeEvent<HTMLSelectElement>) {
    const chosen = entries?.find((entry) => entry.id === event.target.value);
    onChoose(chosen?.type ?? null);
  }

  return (
    <div className="field">
      <label htmlFor="field-referenceEntryId">Index entry</label>
      <p id="field-referenceEntryId-hint" className="field-hint">
        {hint}
      </p>
      <select
        id="field-referenceEntryId"
        name="referenceEntryId"
        defaultValue=""
        disabled={!offered}
        aria-busy={!offered && !failed}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        onChange={onChange}
      >
        <option value="">{offered ? "None" : failed ? "None (index unavailable)" : "Loading the index…"}</option>
        {offered?.mentioned.length ? (
          <optgroup label="Mentioned in this passage">
            {offered.mentioned.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {offered?.others.length ? (
          <optgroup label={offered.mentioned.length ? "All other entries" : "All entries"}>
            {offered.others.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {errors?.length ? (
        <p id="field-referenceEntryId-error" className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
