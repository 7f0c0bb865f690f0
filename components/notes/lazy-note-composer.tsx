"use client";

import dynamic from "next/dynamic";

/*
 * The note composer (dialog, forms, anchoring, zod) is loaded only when a signed-in reader's page renders it:
 * imported directly, it joined the reading page's bundle for every reader (+37 KB gzipped for anonymous readers).
 */
export const LazyNoteComposer = dynamic(() => import("./note-composer").then((module) => module.NoteComposer), { ssr: false });
