"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import { nestByDepth, type NestedReply } from "@/lib/annotations/thread-order";
import type { ReplyView, ThreadView } from "@/lib/annotations/thread-view";
import { NoteControls } from "./note-controls";
import dynamic from "next/dynamic";

// Only readers who may reply need the form: loaded when a thread is opened.
const NoteReplyForm = dynamic(() => import("./note-reply-form").then((module) => module.NoteReplyForm), { ssr: false });
// Flagging and moderating are for signed-in readers and moderators only: loaded for them alone.
const NoteFlagForm = dynamic(() => import("./note-flag-form").then((module) => module.NoteFlagForm), { ssr: false });
const NoteModerationControls = dynamic(() => import("./note-moderation-controls").then((module) => module.NoteModerationControls), { ssr: false });

import { getThread } from "./note-requests";
import { reloadAtNote as reloadAt } from "./reload-at-note";

const repliesText = (count: number) => (count === 1 ? "1 reply" : `${count} replies`);


type ThreadActions = {
  viewerId: string | null;
  canReply: boolean;
  replyingTo: string | null;
  setReplyingTo: (replyId: string | null) => void;
  refresh: (message: string, focusId: string | null) => void;
  focus: (replyId: string) => void;
  threadId: string;
};

function ReplyList({ nodes, actions, label }: { nodes: NestedReply<ReplyView>[]; actions: ThreadActions; label?: string }) {
  return (
    <ol className="note-replies" aria-label={label}>
      {nodes.map((node) => (
        <ReplyItem key={node.item.id} node={node} actions={actions} />
      ))}
    </ol>
  );
}

function ReplyItem({ node, actions }: { node: NestedReply<ReplyView>; actions: ThreadActions }) {
  const reply = node.item;
  const author = reply.author.displayName;
  return (
    <li>
      <article id={`note-${reply.id}`} tabIndex={-1} className="note-reply" aria-label={reply.deleted ? "Deleted reply" : `Reply by ${author}`}>
        {reply.inReplyTo ? <p className="note-in-reply-to">In reply to {reply.inReplyTo.author ?? "a deleted reply"}</p> : null}
        {reply.deleted ? (
          <p className="note-deleted">This reply was deleted.</p>
        ) : (
          <>
            {/* bodyHtml is rendered from Markdown and sanitized on the server. */}
            <div className="note-body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
            <p className="note-byline">
              {author} · <time dateTime={reply.createdAt}>{reply.createdAt.slice(0, 10)}</time>
              {reply.version > 1 ? " · edited" : ""}
            </p>
          </>
        )}
        <NoteControls
          item={reply}
          kind="reply"
          onEdited={() => actions.refresh("Reply saved.", reply.id)}
          onDeleted={() => actions.refresh("Reply deleted.", null)}
          onReply={reply.actions.mayReply ? () => actions.setReplyingTo(reply.id) : undefined}
        />
        {reply.actions.mayFlag ? <NoteFlagForm noteId={reply.id} what={`this reply by ${author}`} /> : null}
        {actions.replyingTo === reply.id ? (
          <NoteReplyForm
            threadId={actions.threadId}
            parent={{ id: reply.id, author }}
            autoFocus
            onPosted={(posted) => {
              actions.setReplyingTo(null);
              actions.refresh("Reply posted.", posted.id);
            }}
            onCancel={() => {
              actions.setReplyingTo(null);
              actions.focus(reply.id);
            }}
          />
        ) : null}
      </article>
      {node.replies.length ? <ReplyList nodes={node.replies} actions={actions} /> : null}
    </li>
  );
}

/**
 * The interactive part of a note card: the note's own Edit, Delete and History, and its thread behind an
 * "N replies" disclosure that loads the replies when opened, nested as lists, with a reply form for readers who
 * may answer.
 */
export function NoteThread({
  note,
  viewerId,
  signInHref,
  initiallyOpen = false,
}: {
  note: NoteView;
  viewerId: string | null;
  signInHref: string;
  /** A permalink opened this note: show its thread at once. */
  initiallyOpen?: boolean;
}) {
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(initiallyOpen && (note.replyCount > 0 || viewerId !== null));
  const [thread, setThread] = useState<ThreadView | null>(null);
  const [count, setCount] = useState(note.replyCount);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  // Where focus goes once the thread has been drawn again: a reply's id, or "toggle" for the thread's own button.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  async function load(message: string, focus: string | null) {
    const result = await getThread(note.id);
    if (!result.ok) {
      setError(result.status === 404 ? "This thread is no longer there." : result.message);
      return;
    }
    setError(null);
    setThread(result.data);
    setCount(result.data.note.replyCount);
    setStatus(message);
    setFocusTarget(focus);
  }

  useEffect(() => {
    if (!focusTarget) return;
    const target = focusTarget === "toggle" ? toggleRef.current : document.getElementById(`note-${focusTarget}`);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget, thread]);

  useEffect(() => {
    if (open && !thread) void load("", null);
    // Only on mount: later openings load through toggle().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function toggle() {
    if (!open && !thread) void load("", null);
    setOpen(!open);
  }

  const actions: ThreadActions = {
    viewerId,
    canReply: thread?.canReply ?? false,
    replyingTo,
    setReplyingTo,
    refresh: (message, focusId) => void load(message, focusId ?? "toggle"),
    focus: setFocusTarget,
    threadId: note.id,
  };

  return (
    <div className="note-discussion">
      <NoteControls item={note} kind="note" onEdited={() => reloadAt(note.id)} onDeleted={() => reloadAt(note.id)} />
      {note.actions.mayFlag ? <NoteFlagForm noteId={note.id} what={`this note by ${note.author.displayName}`} /> : null}
      {note.actions.mayModerate ? <NoteModerationControls note={note} kind="note" /> : null}
      {count > 0 || viewerId ? (
        <button ref={toggleRef} type="button" className="note-thread-toggle" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
          {count > 0 ? repliesText(count) : "Reply"}
          <span className="visually-hidden"> to {note.deleted ? "the deleted note" : `the note by ${note.author.displayName}`}</span>
        </button>
      ) : null}
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <div id={panelId} className="note-thread" hidden={!open}>
        <h3 className="visually-hidden">Replies</h3>
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        {open && !thread && !error ? <p className="note-thread-loading">Loading replies…</p> : null}
        {thread && thread.replies.length ? <ReplyList nodes={nestByDepth(thread.replies)} actions={actions} label={`Replies to ${note.deleted ? "the deleted note" : "the note"}`} /> : null}
        {thread?.canReply && !note.deleted ? (
          <NoteReplyForm threadId={note.id} parent={null} onPosted={(posted) => void load("Reply posted.", posted.id)} />
        ) : null}
        {thread && !thread.canReply && !viewerId ? (
          <p className="note-thread-sign-in">
            <a href={signInHref}>Sign in to reply</a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
