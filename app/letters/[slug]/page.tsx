import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import { EditionHeader } from "@/components/reading/edition-header";
import { EditionBody } from "@/components/reading/edition-body";
import { Colophon } from "@/components/reading/colophon";
import { ReadingActions } from "@/components/reading/reading-actions";
import { citationFacts } from "@/components/reading/citation-facts";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) return { title: "Not found" };
  return {
    title: `${edition.title} (${edition.author})`,
    description: `${edition.title}, ${edition.author}, ${edition.writtenText ?? ""} A reading edition with permanent paragraph anchors.`,
  };
}

export default async function LetterPage({ params }: Props) {
  // Rendered per request: the Content-Security-Policy nonce differs every time.
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  return (
    <main id="main" className="reading">
      <article className="edition" aria-labelledby="edition-title">
        <EditionHeader edition={edition} />
        <EditionBody edition={edition} />
        <Colophon edition={edition} />
      </article>
      <ReadingActions facts={citationFacts(edition)} />
    </main>
  );
}
