import { can } from "@/lib/authz/can";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import type { Actor } from "@/lib/authz/actor";

/** The site's header; what it shows of the reader is loaded by app/site-header-slot.tsx (components load no data). */
export function SiteHeader({ actor, reviews, unread }: { actor: Actor; reviews: boolean; unread: number }) {
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
              {reviews ? (
                <li>
                  <Link href="/review">Review</Link>
                </li>
              ) : null}
              {can(actor, "admin:access", { type: "site" }) ? (
                <li>
                  <Link href="/admin">Admin</Link>
                </li>
              ) : null}
              <li>
                <NotificationsLink unread={unread} />
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
