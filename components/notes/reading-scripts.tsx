import { headers } from "next/headers";
import { layOutMargin } from "@/lib/reading/margin-layout";
import { installMarginLayout } from "./margin-layout-script";
import { bootNotesMode, NOTES_MODE_KEY } from "./notes-mode-boot";

/*
 * The reading page's two inline scripts, which must run while the HTML is parsed, before the first paint: React
 * would run them only after hydration, when the reader has already seen the notes jump. Each is a function of this
 * codebase serialised with toString (the same code the client runs later), with this request's CSP nonce.
 */

async function nonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}

/** At the top of the page: notes on or off (`?notes=`, else the remembered choice), before any note is painted. */
export async function NotesModeScript() {
  return <script nonce={await nonce()} dangerouslySetInnerHTML={{ __html: `(${bootNotesMode.toString()})(${JSON.stringify(NOTES_MODE_KEY)})` }} />;
}

/** Right after the letter's blocks: the margin laid out beside the text before it is painted. */
export async function MarginLayoutScript() {
  return <script nonce={await nonce()} dangerouslySetInnerHTML={{ __html: `(${installMarginLayout.toString()})(${layOutMargin.toString()})` }} />;
}
