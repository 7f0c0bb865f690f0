"use client";

import type { NoteView } from "@/lib/annotations/note-view";
import type { NoteHistoryView, ThreadView } from "@/lib/annotations/thread-view";

/** What one request to the notes API answered: the data, or the status with the server's message and field errors. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fields: Record<string, string[]> };

const UNREACHABLE = "The server could not be reached. Check your connection and try again.";

async function request<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init.headers }, cache: "no-store" }).catch(() => null);
  if (!response) return { ok: false, status: 0, message: UNREACHABLE, fields: {} };
  const data = (await response.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string[]> };
  if (response.ok) return { ok: true, data: data as T };
  return { ok: false, status: response.status, message: data.message ?? "That did not work.", fields: data.fields ?? {} };
}

/** State-changing requests are always JSON (lib/http/api-route.ts refuses anything else). */
function sendJson<T>(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown, headers: Record<string, string> = {}) {
  return request<T>(url, { method, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
}

const notePath = (noteId: string) => `/api/notes/${encodeURIComponent(noteId)}`;

export const getNote = (noteId: string) => request<NoteView>(notePath(noteId));
export const getThread = (noteId: string) => request<ThreadView>(`${notePath(noteId)}/replies`);
export const getHistory = (noteId: string) => request<NoteHistoryView>(`${notePath(noteId)}/history`);

export const postReply = (noteId: string, body: string, parentId: string | null) =>
  sendJson<NoteView>(`${notePath(noteId)}/replies`, "POST", { body, ...(parentId ? { parentId } : {}) });

/** An edit names the version it was based on; the server answers 412 if the note has moved on since. */
export const patchNoteBody = (noteId: string, body: string, basedOn: number) =>
  sendJson<NoteView>(notePath(noteId), "PATCH", { body }, { "If-Match": `"${basedOn}"` });

export const deleteNote = (noteId: string) => sendJson<null>(notePath(noteId), "DELETE", {});

export type FlagReasonValue = "inaccurate" | "offensive" | "spam" | "copyright" | "off_topic" | "other";
export const postFlag = (noteId: string, reason: FlagReasonValue, comment: string) =>
  sendJson<{ id: string }>(`${notePath(noteId)}/flags`, "POST", { reason, ...(comment.trim() ? { comment: comment.trim() } : {}) });

export type DecisionAction = "approve" | "hide" | "restore" | "spam" | "lock" | "unlock";
/** A decision names the moderation revision it was made on; the server answers 409 if someone decided meanwhile. */
export const postDecision = (noteId: string, action: DecisionAction, basedOn: number, reason?: string) =>
  sendJson<{ note: NoteView }>(`${notePath(noteId)}/decisions`, "POST", { action, basedOn, ...(reason ? { reason } : {}) });

/** A page of the document's notes, as the letter page's filters and sort say (the notes panel's list). */
export const listNotePage = (slug: string, query: URLSearchParams) =>
  request<{ notes: NoteView[]; nextCursor: string | null }>(`/api/documents/${encodeURIComponent(slug)}/notes?${query}`);
