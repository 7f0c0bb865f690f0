import Link from "next/link";

export function SiteHeader() {
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
        </ul>
      </nav>
    </header>
  );
}
