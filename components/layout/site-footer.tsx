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
    </footer>
  );
}
