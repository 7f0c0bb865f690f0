"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * The app's error page. In production Next.js passes no message (only a digest to find the server's log line), so it
 * cannot tell a database that is down from another fault; the usual cause is the first, and trying again is the
 * right advice for both. Focus moves to the heading so that a screen reader announces the change.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main id="main" className="plain-page">
      <h1 ref={heading} tabIndex={-1}>
        Marginalia cannot answer right now
      </h1>
      <p>
        The page could not be put together, most likely because the database is not answering for a moment. Try again in a
        few seconds.
      </p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <Link href="/letters/reply-to-stalin">Read Reply to Stalin</Link>
      </p>
      {error.digest ? <p className="muted">Reference for the site's maintainers: {error.digest}</p> : null}
    </main>
  );
}
