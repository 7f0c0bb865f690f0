import Link from "next/link";
import { GFDL_URL } from "@/lib/documents/licence-url";
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Marginalia is a collaborative reading edition. The letter’s text comes from the Leon Trotsky Internet Archive
        (marxists.org) and is distributed under the{" "}
        <a href={GFDL_URL} rel="license">
          GNU Free Documentation License
        </a>
        .
      </p>
      <p>
        For developers: the <Link href="/developers/api">API reference</Link> (and its OpenAPI description,{" "}
        <a href="/api/openapi.json">/api/openapi.json</a>).
      </p>
    </footer>
  );
}
