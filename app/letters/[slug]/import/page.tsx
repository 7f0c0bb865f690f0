import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { ImportForm } from "@/components/imports/import-form";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import { currentRequestContext } from "@/lib/request/current-request-context";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const edition = await getReadingEdition((await params).slug);
  return { title: edition ? `Import annotations: ${edition.title}` : "Not found" };
}

/** Bring notes written elsewhere (Hypothesis, Recogito Studio, a W3C file, another Marginalia) into the letter. */
export default async function ImportPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const edition = await getReadingEdition(slug);
  if (!edition) notFound();
  const ctx = await currentRequestContext();
  if (ctx.actor.kind !== "user") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/letters/${slug}/import`)}`);
  return (
    <main id="main" className="page import-page">
      <p>
        <a href={`/letters/${slug}`}>{edition.title}</a>
      </p>
      <h1>Import annotations</h1>
      <p>
        Bring in notes you wrote elsewhere on this letter: a Hypothesis export, a Recogito Studio export, a W3C Web Annotation file, or a file
        downloaded from Marginalia. You see first where each one would land; nothing is written until you import. Each note says where it came
        from and who first wrote it; you own the copies. Importing the same file again changes nothing.
      </p>
      <ImportForm slug={slug} groups={ctx.groups.map(({ id, name }) => ({ id, name }))} />
    </main>
  );
}
