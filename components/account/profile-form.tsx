"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { formValues, useJsonForm } from "@/components/forms/use-json-form";
import { orcidUrl } from "@/lib/accounts/orcid";

type Profile = { id: string; displayName: string; affiliation: string | null; orcid: string | null; bio: string | null; showAffiliation: boolean; showOrcid: boolean };

/** Edits the public profile; after saving, the page reloads its data so the header and the ORCID link follow. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const { submit, fieldErrors, formError, pending } = useJsonForm("/api/account/profile", "PATCH");
  const [saved, setSaved] = useState<string | null>(null);
  // Until the page runs, a click would submit the form natively (a GET with the profile in the address): wait.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(null);
        const form = event.currentTarget;
        const { displayName, affiliation, orcid, bio } = formValues(form);
        const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
        const result = await submit({ displayName, affiliation, orcid, bio, showAffiliation: checked("showAffiliation"), showOrcid: checked("showOrcid") });
        if (!result.ok) return;
        setSaved("Profile saved.");
        router.refresh();
      }}
    >
      <FormStatus error={formError} success={saved} />
      <Field name="displayName" label="Display name" hint="Shown beside your notes and in your groups." defaultValue={profile.displayName} errors={fieldErrors} autoComplete="name" required maxLength={100} />
      <Field name="affiliation" label="Affiliation" hint="Optional. For example: Department of History, University of Leeds." defaultValue={profile.affiliation ?? ""} errors={fieldErrors} autoComplete="organization" maxLength={200} />
      <Field name="orcid" label="ORCID iD" hint="Optional. 16 characters as 0000-0002-1825-0097, or its https://orcid.org/ address." defaultValue={profile.orcid ?? ""} errors={fieldErrors} autoComplete="off" spellCheck={false} maxLength={60} />
      {profile.orcid ? (
        <p className="field-hint">
          Your saved ORCID record: <a href={orcidUrl(profile.orcid)}>{orcidUrl(profile.orcid)}</a>
        </p>
      ) : null}
      <fieldset className="choice-group" aria-describedby="public-page-hint">
        <legend>
          On <a href={`/people/${profile.id}`}>your public page</a>
        </legend>
        <p id="public-page-hint" className="field-hint">
          Your display name and your public notes are always there. Choose what else it shows:
        </p>
        <div className="choice">
          <input type="checkbox" id="field-showAffiliation" name="showAffiliation" defaultChecked={profile.showAffiliation} />{" "}
          <label htmlFor="field-showAffiliation">Show my affiliation</label>
        </div>
        <div className="choice">
          <input type="checkbox" id="field-showOrcid" name="showOrcid" defaultChecked={profile.showOrcid} /> <label htmlFor="field-showOrcid">Show my ORCID iD</label>
        </div>
      </fieldset>
      <Field name="bio" label="Bio" hint="Optional, up to 2,000 characters: your research interests, in a few sentences." defaultValue={profile.bio ?? ""} errors={fieldErrors} multiline maxLength={2000} />
      <button type="submit" className="button-primary" disabled={pending || !ready}>
        {pending ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}
