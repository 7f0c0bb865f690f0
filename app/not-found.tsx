import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="plain-page">
      <h1>Not found</h1>
      <p>There is nothing at this address. It may have been removed, or you may not have access to it.</p>
      <p>
        <Link href="/letters/reply-to-stalin">Read Reply to Stalin</Link>
      </p>
    </main>
  );
}
