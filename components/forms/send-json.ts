"use client";

export type SendResult = { ok: true; data: unknown } | { ok: false; status: number; message: string };

/** One JSON request to our API (always JSON, as lib/http/api-route.ts requires), with a readable failure. */
export async function sendJson(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body: unknown = {}): Promise<SendResult> {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
  if (!response) return { ok: false, status: 0, message: "The server could not be reached. Check your connection and try again." };
  const data = (await response.json().catch(() => ({}))) as { message?: string };
  if (response.ok) return { ok: true, data };
  return { ok: false, status: response.status, message: data.message ?? "That did not work." };
}
