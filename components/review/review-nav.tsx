import Link from "next/link";

const PAGES = [
  { key: "queue", href: "/review", label: "Queue" },
  { key: "log", href: "/review/log", label: "Moderation log" },
  { key: "dashboard", href: "/review/dashboard", label: "Dashboard" },
] as const;

/** The three review pages, the current one marked for screen readers too. */
export function ReviewNav({ current }: { current: (typeof PAGES)[number]["key"] }) {
  return (
    <nav aria-label="Review" className="review-nav">
      <ul>
        {PAGES.map((page) => (
          <li key={page.key}>
            <Link href={page.href} aria-current={page.key === current ? "page" : undefined}>
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
