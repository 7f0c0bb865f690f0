/**
 * How a thread's replies are shown: depth first (each reply right after the one it answers, answers to the same
 * reply oldest first), nested at most MAX_DISPLAY_DEPTH deep. Deeper replies stand at that depth and say whom they
 * answer. A deleted reply stays as a placeholder only while something live hangs below it.
 */
export const MAX_DISPLAY_DEPTH = 3;

export type ThreadReply = { id: string; parentId: string | null; createdAt: Date; deleted: boolean; authorName: string };
export type OrderedReply = {
  id: string;
  /** 1 for a reply to the note, 2 for a reply to that reply, ... capped at MAX_DISPLAY_DEPTH. */
  depth: number;
  /** Set when the reply is shown deeper than nesting says: whom it answers (author null if that reply was deleted). */
  inReplyTo: { id: string; author: string | null } | null;
};

/** The replies (ids) that have a live (not deleted) reply anywhere below them. */
export function withLiveReplies(replies: ThreadReply[]): Set<string> {
  const byId = new Map(replies.map((reply) => [reply.id, reply]));
  const result = new Set<string>();
  for (const reply of replies) {
    if (reply.deleted) continue;
    // Walk up from each live reply; stop where an ancestor is already marked (its ancestors are too).
    let parent = reply.parentId ? byId.get(reply.parentId) : undefined;
    while (parent && !result.has(parent.id)) {
      result.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
  }
  return result;
}

/**
 * Orders a thread for display. `isShown(reply, hasLiveReplies)` is the reader's policy; a reply it refuses is left
 * out and the replies below it move up into its place (a deleted one without live replies has none to move).
 */
export function orderThread(
  threadId: string,
  replies: ThreadReply[],
  isShown: (reply: ThreadReply, hasLiveReplies: boolean) => boolean,
): OrderedReply[] {
  const live = withLiveReplies(replies);
  const children = new Map<string, ThreadReply[]>();
  const ids = new Set(replies.map((reply) => reply.id));
  for (const reply of replies) {
    // A parent outside the thread would be a data error; such a reply is shown as answering the note.
    const parent = reply.parentId && ids.has(reply.parentId) ? reply.parentId : threadId;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(reply);
  }
  for (const list of children.values()) list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const byId = new Map(replies.map((reply) => [reply.id, reply]));
  const ordered: OrderedReply[] = [];

  // An explicit stack instead of recursion: a long chain of answers must not exhaust the call stack.
  const stack: { reply: ThreadReply; depth: number }[] = [];
  const pushChildren = (parentId: string, depth: number) => {
    const list = children.get(parentId) ?? [];
    for (let index = list.length - 1; index >= 0; index--) stack.push({ reply: list[index], depth });
  };
  const shown = new Set<string>();
  pushChildren(threadId, 1);
  while (stack.length) {
    const { reply, depth } = stack.pop()!;
    if (!isShown(reply, live.has(reply.id))) {
      pushChildren(reply.id, depth);
      continue;
    }
    shown.add(reply.id);
    // Only a reply the reader sees is named; one they may not see is not even hinted at.
    const parent = depth > MAX_DISPLAY_DEPTH && reply.parentId && shown.has(reply.parentId) ? byId.get(reply.parentId)! : null;
    ordered.push({
      id: reply.id,
      depth: Math.min(depth, MAX_DISPLAY_DEPTH),
      inReplyTo: parent ? { id: parent.id, author: parent.deleted ? null : parent.authorName } : null,
    });
    pushChildren(reply.id, depth + 1);
  }
  return ordered;
}

export type NestedReply<T> = { item: T; replies: NestedReply<T>[] };

/** Turns the ordered list back into a tree by depth, for nested lists (<ol> inside <li>). */
export function nestByDepth<T extends { depth: number }>(items: T[]): NestedReply<T>[] {
  const root: NestedReply<T>[] = [];
  const open: NestedReply<T>[] = [];
  for (const item of items) {
    const node = { item, replies: [] };
    while (open.length && open[open.length - 1].item.depth >= item.depth) open.pop();
    (open.length ? open[open.length - 1].replies : root).push(node);
    open.push(node);
  }
  return root;
}
