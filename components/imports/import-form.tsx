"use client";

import { useState } from "react";
import type { ImportReport } from "@/lib/imports/import-schemas";
import { TableScroll } from "@/components/layout/table-scroll";

const STATUS_TEXT: Record<ImportReport["items"][number]["status"], string> = {
  anchored: "Anchored",
  moved: "Moved (found approximately)",
  orphaned: "Orphaned (kept, listed apart)",
  refused: "Refused",
  duplicate: "Already imported",
};

type Phase = { kind: "idle" } | { kind: "busy"; what: string } | { kind: "error"; message: string } | { kind: "report"; report: ImportReport };

/** Choose a file and a visibility, preview, then import: the server does both with the same placing. */
export function ImportForm({ slug, groups }: { slug: string; groups: { id: string; name: string }[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [visibility, setVisibility] = useState("private");
  const [sameAs, setSameAs] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  async function send(dryRun: boolean) {
    if (!file) return setPhase({ kind: "error", message: "Choose a file first." });
    setPhase({ kind: "busy", what: dryRun ? "Reading the file…" : "Importing…" });
    try {
      const page = sameAs.trim() ? `&sameAs=${encodeURIComponent(sameAs.trim())}` : "";
      const response = await fetch(`/api/documents/${slug}/imports?dryRun=${dryRun ? 1 : 0}&visibility=${encodeURIComponent(visibility)}${page}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: file,
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        const fields = data.fields ? ` ${Object.values(data.fields as Record<string, string[]>).flat().join(" ")}` : "";
        return setPhase({ kind: "error", message: `${data.message ?? "The import failed."}${fields}` });
      }
      setPhase({ kind: "report", report: data as ImportReport });
    } catch {
      setPhase({ kind: "error", message: "The server could not be reached. Nothing was imported." });
    }
  }

  const report = phase.kind === "report" ? phase.report : null;
  const importable = report ? report.counts.anchored + report.counts.moved + report.counts.orphaned : 0;
  return (
    <div className="import-form">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <div className="field">
          <label htmlFor="import-file">File</label>
          <p id="import-file-hint" className="field-hint">
            JSON or JSON-LD, at most 20 MB and 10,000 annotations.
          </p>
          <input
            id="import-file"
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-describedby="import-file-hint"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setPhase({ kind: "idle" });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-same-as">The page they were made on</label>
          <p id="import-same-as-hint" className="field-hint">
            For Hypothesis or Recogito annotations made on another copy of this letter, e.g. https://www.marxists.org/…: annotations on any
            other page are refused. Leave empty for files from Marginalia.
          </p>
          <input
            id="import-same-as"
            type="url"
            inputMode="url"
            aria-describedby="import-same-as-hint"
            value={sameAs}
            onChange={(event) => {
              setSameAs(event.currentTarget.value);
              setPhase({ kind: "idle" });
            }}
          />
        </div>
        <fieldset className="choice-group">
          <legend>Who may see the imported notes</legend>
          {[
            { value: "private", label: "Only me" },
            ...groups.map((group) => ({ value: `group:${group.id}`, label: `Members of ${group.name}` })),
            { value: "public", label: "Everyone (public)" },
            { value: "keep", label: "As the file says (for files downloaded from Marginalia; others are private)" },
          ].map((choice) => (
            <div key={choice.value} className="choice">
              <input
                type="radio"
                id={`import-visibility-${choice.value}`}
                name="visibility"
                value={choice.value}
                checked={visibility === choice.value}
                onChange={() => {
                  setVisibility(choice.value);
                  setPhase({ kind: "idle" });
                }}
              />{" "}
              <label htmlFor={`import-visibility-${choice.value}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button-primary" disabled={phase.kind === "busy"}>
          Preview
        </button>
      </form>

      <div role="status" aria-live="polite" className="import-status">
        {phase.kind === "busy" ? <p>{phase.what}</p> : null}
        {phase.kind === "error" ? <p className="form-error">{phase.message}</p> : null}
      </div>

      {report ? (
        <section aria-labelledby="import-report-title" className="panel">
          <h2 id="import-report-title">{report.dryRun ? "Preview" : "Imported"}</h2>
          <p>
            {report.dryRun ? "Nothing has been written yet. " : ""}
            {report.counts.anchored} anchored, {report.counts.moved} moved, {report.counts.orphaned} orphaned, {report.counts.refused} refused
            {report.counts.duplicate ? `, ${report.counts.duplicate} already imported` : ""}.
          </p>
          {report.review.items > 0 ? (
            <p className="notes-notice" role="note">
              {report.dryRun
                ? `${report.review.items === 1 ? "1 note or reply" : `${report.review.items} notes and replies`} will wait for a reviewer before others can see them (you can read them at once). They go to the review queue as ${report.review.batches === 1 ? "one entry" : `${report.review.batches} entries`}, decided together.`
                : `${report.review.items === 1 ? "1 note or reply waits" : `${report.review.items} notes and replies wait`} for a reviewer, as ${report.review.batches === 1 ? "one entry" : `${report.review.batches} entries`} in the review queue; you will be told when it is decided.`}
            </p>
          ) : null}
          {report.dryRun && importable > 0 ? (
            <button type="button" className="button-primary" disabled={phase.kind !== "report"} onClick={() => void send(false)}>
              Import {importable === 1 ? "1 annotation" : `${importable} annotations`}
            </button>
          ) : null}
          {!report.dryRun ? (
            <p>
              <a href={`/letters/${slug}`}>Read them in the letter</a>
              {report.counts.orphaned ? (
                <>
                  {" "}
                  · <a href={`/letters/${slug}#orphaned-notes`}>the orphaned ones</a>
                </>
              ) : null}
            </p>
          ) : null}
          <TableScroll label="Each annotation of the file and where it lands">
            <table className="data-table">
              <caption className="visually-hidden">Each annotation of the file and where it lands</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Annotation</th>
                  <th scope="col">Where</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.index}>
                    <td>{item.index + 1}</td>
                    <td>
                      {item.kind === "unknown" ? "—" : item.kind === "note" ? "Note" : "Reply"}
                      {item.originalId ? <span className="import-original-id">{item.originalId}</span> : null}
                    </td>
                    <td>{item.paragraph ? <a href={`/letters/${slug}#${item.paragraph}`}>¶ {item.paragraph.replace(/^p/, "")}</a> : "—"}</td>
                    <td>
                      {STATUS_TEXT[item.status]}
                      {item.reason ? `: ${item.reason}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </div>
  );
}
