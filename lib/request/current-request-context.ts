import "server-only";
import { cache } from "react";
import { currentActor } from "../auth/current-actor";
import { prisma } from "../db/prisma";
import { loadRequestContext, type RequestContext } from "./request-context";

/**
 * The request's context, built once per request (React's cache scopes it to the request, as currentActor is) and
 * shared by the page, its header and every loader they call.
 */
export const currentRequestContext = cache(async (): Promise<RequestContext> => {
  // The actor first: reading the cookie is what makes a page dynamic, before anything touches the database (a build
  // prerendering the 404 page has neither a session nor a database).
  const actor = await currentActor();
  return loadRequestContext(prisma(), actor);
});
