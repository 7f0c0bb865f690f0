"use client";

import { useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { useJsonForm } from "@/components/forms/use-json-form";
import { NOTIFICATION_KIND_LABELS, type NotificationKindName } from "@/lib/notifications/notification-kinds";
import { TableScroll } from "@/components/layout/table-scroll";

type Preference = { kind: NotificationKindName; inApp: boolean; email: boolean };

/**
 * Which kinds of notification the reader gets in the app and by email: one checkbox per kind and channel, saved
 * together (PUT /api/notifications/preferences). Email is only sent where the site has SMTP set up; the page says so.
 */
export function NotificationPreferencesForm({ preferences, emailAvailable }: { preferences: Preference[]; emailAvailable: boolean }) {
  const { submit, formError, pending } = useJsonForm("/api/notifications/preferences", "PUT");
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <form
      className="panel"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(null);
        const form = new FormData(event.currentTarget);
        const rows = preferences.map(({ kind }) => ({ kind, inApp: form.has(`${kind}.inApp`), email: form.has(`${kind}.email`) }));
        const result = await submit({ preferences: rows });
        if (result.ok) setSaved("Notification settings saved.");
      }}
    >
      <FormStatus error={formError} success={saved} />
      <TableScroll label="Notification preferences">
        <table className="data-table notification-preferences">
          <caption className="visually-hidden">Notifications you get, by kind: in the app and by email</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">In the app</th>
              <th scope="col">By email</th>
            </tr>
          </thead>
          <tbody>
            {preferences.map((preference) => (
              <tr key={preference.kind}>
                <th scope="row" id={`preference-${preference.kind}`}>
                  {NOTIFICATION_KIND_LABELS[preference.kind]}
                </th>
                <td>
                  <input
                    type="checkbox"
                    name={`${preference.kind}.inApp`}
                    defaultChecked={preference.inApp}
                    aria-label={`${NOTIFICATION_KIND_LABELS[preference.kind]}: in the app`}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`${preference.kind}.email`}
                    defaultChecked={preference.email}
                    aria-label={`${NOTIFICATION_KIND_LABELS[preference.kind]}: by email`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {emailAvailable ? null : <p className="field-hint">This site does not send email at the moment; your email choices apply once it does.</p>}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Saving…" : "Save notification settings"}
      </button>
    </form>
  );
}
