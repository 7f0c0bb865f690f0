import "server-only";
import { cache } from "react";
import { currentActor } from "../auth/current-actor";
import { prisma } from "../db/prisma";
import { loadRequestContext, type RequestContext } from "./request-context";

/**
 * The request's context, built once per request (React's cache scopes it to the request, as currentActor is) and
 * shared by the page, its header and every loader they call.
 */
export const currentRequestContext = cache(async (): Promise<RequestContext> => loadRequestContext(prisma(), await currentActor()));
