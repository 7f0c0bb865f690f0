import { describe, expect, it } from "vitest";
import { layOutMargin, type MarginGroupInput } from "@/lib/reading/margin-layout";

const GAP = 16;
const group = (anchorTop: number, cardHeights: number[], extra: Partial<MarginGroupInput> = {}): MarginGroupInput => ({
  anchorTop,
  headerHeight: 20,
  cardHeights,
  pinned: [],
  moreHeight: 24,
  hasMore: false,
  ...extra,
});

/** Each shown card's [top, bottom] in margin coordinates. */
function cardBoxes(groups: MarginGroupInput[], end = 10_000) {
  const placements = layOutMargin(groups, { gap: GAP, end });
  return placements.map((placement, index) => {
    let y = placement.top + groups[index]!.headerHeight;
    return placement.shown.map((card) => {
      const box = [y, y + groups[index]!.cardHeights[card]!] as const;
      y = box[1];
      return box;
    });
  });
}

describe("layOutMargin", () => {
  it("puts a group at its paragraph when there is room", () => {
    const placements = layOutMargin([group(0, [100]), group(400, [100])], { gap: GAP, end: 1000 });
    expect(placements.map((placement) => placement.top)).toEqual([0, 400]);
    expect(placements.map((placement) => placement.shown)).toEqual([[0], [0]]);
  });

  it("never overlaps: a group starts below the one above it, as close as that allows", () => {
    // The first group's only card is taller than its paragraph: the next group moves down, just below it.
    const groups = [group(0, [300]), group(100, [50]), group(120, [50])];
    const placements = layOutMargin(groups, { gap: GAP, end: 2000 });
    expect(placements[0]!.top).toBe(0);
    expect(placements[1]!.top).toBe(placements[0]!.bottom + GAP);
    expect(placements[2]!.top).toBe(placements[1]!.bottom + GAP);
    for (let index = 1; index < placements.length; index += 1) {
      expect(placements[index]!.top).toBeGreaterThanOrEqual(placements[index - 1]!.bottom + GAP);
      expect(placements[index]!.top).toBeGreaterThanOrEqual(groups[index]!.anchorTop);
    }
  });

  it("collapses the cards that do not fit before the next annotated paragraph, keeping the first ones in order", () => {
    const groups = [group(0, [80, 80, 80, 80]), group(250, [40])];
    const [first, second] = layOutMargin(groups, { gap: GAP, end: 2000 });
    // 20 (heading) + 80 + 80 = 180, + 24 for "N more" = 204 ≤ 250 − 16; a third card would reach 284.
    expect(first!.shown).toEqual([0, 1]);
    expect(first!.bottom).toBe(204);
    expect(second!.top).toBe(250);
  });

  it("always shows the first card, even when it alone does not fit", () => {
    const [first, second] = layOutMargin([group(0, [500, 40]), group(100, [40])], { gap: GAP, end: 2000 });
    expect(first!.shown).toEqual([0]);
    expect(second!.top).toBe(first!.bottom + GAP);
  });

  it("keeps pinned cards (the permalinked or open one) shown, in order, and makes room for them", () => {
    const groups = [group(0, [80, 80, 80, 80], { pinned: [3] }), group(250, [40])];
    const [first] = layOutMargin(groups, { gap: GAP, end: 2000 });
    expect(first!.shown).toEqual([0, 3]);
  });

  it("reserves the line for a paragraph's notes beyond the page even when nothing collapses", () => {
    const [first] = layOutMargin([group(0, [50], { hasMore: true })], { gap: GAP, end: 2000 });
    expect(first!.shown).toEqual([0]);
    expect(first!.bottom).toBe(20 + 50 + 24);
  });

  it("lets the last group use the margin until the end of the text", () => {
    const [only] = layOutMargin([group(0, [100, 100, 100])], { gap: GAP, end: 200 });
    expect(only!.shown).toEqual([0]);
    const [roomy] = layOutMargin([group(0, [100, 100, 100])], { gap: GAP, end: 400 });
    expect(roomy!.shown).toEqual([0, 1, 2]);
  });

  it("never overlaps on generated layouts, and is deterministic", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 200; run += 1) {
      let top = 0;
      const groups = Array.from({ length: 12 }, () => {
        top += Math.floor(random() * 300);
        const cards = Array.from({ length: 1 + Math.floor(random() * 5) }, () => 30 + Math.floor(random() * 200));
        return group(top, cards, { pinned: random() < 0.2 ? [cards.length - 1] : [], hasMore: random() < 0.2 });
      });
      const placements = layOutMargin(groups, { gap: GAP, end: top + 500 });
      expect(layOutMargin(groups, { gap: GAP, end: top + 500 })).toEqual(placements);
      const boxes = cardBoxes(groups, top + 500).flat();
      for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]![0]).toBeGreaterThanOrEqual(boxes[index - 1]![1]);
      placements.forEach((placement, index) => {
        expect(placement.top).toBeGreaterThanOrEqual(groups[index]!.anchorTop);
        expect(placement.shown[0]).toBe(0);
        expect([...placement.shown].sort((a, b) => a - b)).toEqual(placement.shown);
        for (const pinned of groups[index]!.pinned) expect(placement.shown).toContain(pinned);
        if (index > 0) {
          const above = placements[index - 1]!;
          // As close as the group above allows: at its paragraph, or right below the group above.
          expect(placement.top).toBe(Math.max(groups[index]!.anchorTop, above.bottom + GAP));
        }
      });
    }
  });
});
