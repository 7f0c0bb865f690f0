import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { openNotification } from "@/lib/notifications/notification-operations";

type Context = { params: Promise<{ notificationId: string }> };

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "private, no-store" } });

/**
 * Opening a notification from the list: marks it read and goes to its item (a relative Location, so no origin is
 * guessed behind a proxy). The list links here with plain <a> elements, which are never prefetched. An item that
 * can no longer be read, or a notification that is not the reader's, leads back to the list.
 */
export async function GET(_request: Request, { params }: Context) {
  const { notificationId } = await params;
  const actor = await currentActor();
  if (actor.kind !== "user") return seeOther(`/sign-in?callbackUrl=${encodeURIComponent("/notifications")}`);
  try {
    const permalink = await openNotification(prisma(), actor, { notificationId });
    return seeOther(permalink ?? "/notifications?gone=1");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return seeOther("/notifications");
    throw error;
  }
}
