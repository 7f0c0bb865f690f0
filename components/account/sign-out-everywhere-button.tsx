"use client";

import { RequestButton } from "@/components/groups/request-button";

/** Ends every session of the account, this one included, then goes to the sign-in page. */
export function SignOutEverywhereButton() {
  return (
    <p>
      <RequestButton url="/api/account/sessions" method="DELETE" label="Sign out everywhere" then="/sign-in" danger />
    </p>
  );
}
