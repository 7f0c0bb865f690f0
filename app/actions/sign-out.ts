"use server";

import { redirect } from "next/navigation";
import { endCurrentSession } from "@/lib/auth/end-current-session";

/** A server action, so signing out works before the page's JavaScript has loaded (Next checks its Origin). */
export async function signOut() {
  await endCurrentSession();
  redirect("/");
}
