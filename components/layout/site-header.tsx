import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { currentActor } from "@/lib/auth/current-actor";

export async function SiteHeader() {
  const actor = await currentActor();
  return (
    <header className="site-header">
      <Link href="/" className="wordmark">
        Marginalia
      </Link>
      <nav aria-label="Site">
        <ul className="site-nav">
          <li>
            <Link href="/letters/reply-to-stalin">Reply to Stalin</Link>
          </li>
          <li>
            <Link href="/references">Reference index</Link>
          </li>
          {actor.kind === "user" ? (
            <>
              <li>
                <Link href="/groups">Groups</Link>
              </li>
              {actor.siteRole === "admin" ? (
                <li>
                  <Link href="/admin">Admin</Link>
                </li>
              ) : null}
              <li>
                <NotificationsLink actor={actor} />
              </li>
              <li>
                <Link href="/account">{actor.displayName}</Link>
              </li>
              <li>
                <SignOutButton />
              </li>
            </>
          ) : (
            <li>
              <Link href="/sign-in">Sign in</Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
