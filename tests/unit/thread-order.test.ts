import { describe, expect, it } from "vitest";
import { MAX_DISPLAY_DEPTH, nestByDepth, orderThread, withLiveReplies, type ThreadReply } from "@/lib/annotations/thread-order";

let clock = 0;
const r = (id: string, parentId: string, options: { deleted?: boolean; at?: number } = {}): ThreadReply => ({
  id,
  parentId,
  createdAt: new Date(options.at ?? ++clock),
  deleted: options.deleted ?? false,
  authorName: `author of ${id}`,
});
const everyone = () => true;
// The policy's placeholder rule: a deleted reply shows only with live replies below it.
const placeholders = (reply: ThreadReply, hasLive: boolean) => !reply.deleted || hasLive;

describe("orderThread", () => {
  it("puts each reply after the one it answers, answers to the same reply oldest first", () => {
    const replies = [r("a", "N", { at: 1 }), r("b", "N", { at: 2 }), r("a2", "a", { at: 4 }), r("a1", "a", { at: 3 }), r("b1", "b", { at: 5 })];
    expect(orderThread("N", replies, everyone).map((x) => [x.id, x.depth])).toEqual([
      ["a", 1],
      ["a1", 2],
      ["a2", 2],
      ["b", 1],
      ["b1", 2],
    ]);
  });

  it(`caps the depth at ${MAX_DISPLAY_DEPTH} and names whom the deeper replies answer`, () => {
    const chain = [r("d1", "N"), r("d2", "d1"), r("d3", "d2"), r("d4", "d3"), r("d5", "d4", { deleted: true }), r("d6", "d5")];
    const ordered = orderThread("N", chain, placeholders);
    expect(ordered.map((x) => [x.id, x.depth, x.inReplyTo])).toEqual([
      ["d1", 1, null],
      ["d2", 2, null],
      ["d3", 3, null],
      ["d4", 3, { id: "d3", author: "author of d3" }],
      ["d5", 3, { id: "d4", author: "author of d4" }],
      // The deleted placeholder is not named.
      ["d6", 3, { id: "d5", author: null }],
    ]);
  });

  it("keeps deleted replies with live replies below them (at any depth) and drops the others", () => {
    const replies = [
      r("kept", "N", { deleted: true }),
      r("kept-too", "kept", { deleted: true }),
      r("live", "kept-too"),
      r("dropped", "N", { deleted: true }),
      r("dropped-child", "dropped", { deleted: true }),
    ];
    expect([...withLiveReplies(replies)].sort()).toEqual(["kept", "kept-too"]);
    expect(orderThread("N", replies, placeholders).map((x) => x.id)).toEqual(["kept", "kept-too", "live"]);
  });

  it("moves the replies below one the reader may not see into its place, without naming it", () => {
    const replies = [r("hidden", "N"), r("under", "hidden"), r("deep1", "under"), r("deep2", "deep1"), r("deep3", "deep2")];
    const ordered = orderThread("N", replies, (reply) => reply.id !== "hidden");
    expect(ordered.map((x) => [x.id, x.depth])).toEqual([
      ["under", 1],
      ["deep1", 2],
      ["deep2", 3],
      ["deep3", 3],
    ]);
    expect(ordered.find((x) => x.id === "deep3")?.inReplyTo).toEqual({ id: "deep2", author: "author of deep2" });
  });

  it("handles a long chain without recursion", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => r(`c${i}`, i ? `c${i - 1}` : "N", { at: i }));
    const ordered = orderThread("N", chain, everyone);
    expect(ordered).toHaveLength(20_000);
    expect(ordered.at(-1)).toMatchObject({ id: "c19999", depth: MAX_DISPLAY_DEPTH });
  });
});

describe("nestByDepth", () => {
  it("rebuilds the tree from the ordered list", () => {
    const items = [
      { id: "a", depth: 1 },
      { id: "a1", depth: 2 },
      { id: "a11", depth: 3 },
      { id: "a12", depth: 3 },
      { id: "a2", depth: 2 },
      { id: "b", depth: 1 },
    ];
    const tree = nestByDepth(items);
    const shape = (nodes: ReturnType<typeof nestByDepth<{ id: string; depth: number }>>): unknown =>
      nodes.map((node) => (node.replies.length ? [node.item.id, shape(node.replies)] : node.item.id));
    expect(shape(tree)).toEqual([["a", [["a1", ["a11", "a12"]], "a2"]], "b"]);
  });
});
