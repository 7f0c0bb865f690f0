import { signOut } from "@/app/actions/sign-out";

/** A plain form posting to a server action: it works with or without JavaScript, and before hydration. */
export function SignOutButton() {
  return (
    <form action={signOut} className="sign-out-form">
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
