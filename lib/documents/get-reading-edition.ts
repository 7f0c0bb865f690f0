import "server-only";
import { cache as perRequest } from "react";
import { prisma } from "../db/prisma";
import { readingEdition } from "./reading-edition-cache";

/** The edition of a document; asked twice in one request (metadata and page), PostgreSQL is asked once. */
export const getReadingEdition = perRequest((slug: string) => readingEdition(prisma(), slug));
