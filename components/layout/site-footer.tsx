export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Marginalia is a collaborative reading edition. The letter’s text comes from the Leon Trotsky Internet Archive
        (marxists.org) and is distributed under the{" "}
        <a href="https://www.gnu.org/licenses/fdl-1.3.html" rel="license">
          GNU Free Documentation License
        </a>
        .
      </p>
    </footer>
  );
}
