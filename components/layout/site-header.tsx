import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { mayReview } from "@/lib/moderation/review-scope";

export async function SiteHeader() {
  const actor = await currentActor();
  // Only a signed-in reader may review; nobody else costs a query (or needs a database at all).
  const reviews = actor.kind === "user" && (await mayReview(prisma(), actor));
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
