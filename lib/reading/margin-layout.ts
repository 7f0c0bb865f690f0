/**
 * Where each paragraph's notes go in the margin: a pure function of measured heights, so it is unit-tested here and
 * run unchanged by the page's inline layout script (components/notes/margin-layout-script.ts serialises it with
 * Function.prototype.toString). It must therefore stay self-contained: no imports, no closures, plain syntax.
 *
 * The rule, in the manner of Hypothesis's bucket bar and Google Docs' comment column:
 * - groups are laid out in reading order; a group starts at its paragraph's top, or just below the group above;
 * - a group's cards stack down from there and may use the margin until the next annotated paragraph starts (the last
 *   group until the end of the text); cards that would reach past that collapse into "N more", except that the first
 *   card always shows and pinned cards (the one a permalink opens, a thread being read, the card with focus) always
 *   show, in their order;
 * - nothing ever moves the text: the margin is absolutely positioned beside it.
 */

export type MarginGroupInput = {
  /** The paragraph's top, in the margin's coordinates (px). */
  anchorTop: number;
  /** The group's heading ("2 notes on paragraph 3"). */
  headerHeight: number;
  /** Each card's outer height (its own spacing included), in order. */
  cardHeights: number[];
  /** Cards that must show whatever the space (indices into cardHeights). */
  pinned: number[];
  /** The height of the line under the cards ("N more", or the link to the paragraph's other notes). */
  moreHeight: number;
  /** The line shows even when nothing collapses: the paragraph has more notes than the page holds. */
  hasMore: boolean;
};

export type MarginGroupPlacement = {
  /** Where the group's top goes (px, margin coordinates). */
  top: number;
  /** Which cards show (indices, in order); the rest collapse into "N more". */
  shown: number[];
  /** Where the group ends, the "N more" button included. */
  bottom: number;
};

export type MarginLayoutOptions = {
  /** Space between a group and the next one. */
  gap: number;
  /** Where the margin ends (the end of the text): the last group's limit. */
  end: number;
};

export function layOutMargin(groups: MarginGroupInput[], options: MarginLayoutOptions): MarginGroupPlacement[] {
  const placements: MarginGroupPlacement[] = [];
  let cursor = -Infinity;
  for (let index = 0; index < groups.length; index += 1) {
    const group = groups[index]!;
    const next = groups[index + 1];
    const limit = next ? next.anchorTop - options.gap : options.end;
    const top = Math.max(group.anchorTop, cursor);
    const pinned: Record<number, boolean> = {};
    for (let p = 0; p < group.pinned.length; p += 1) pinned[group.pinned[p]!] = true;
    const count = group.cardHeights.length;
    // Space the pinned cards after a given card still need, so a long group keeps room for them.
    const pinnedAfter: number[] = new Array(count + 1).fill(0);
    const pinnedCountAfter: number[] = new Array(count + 1).fill(0);
    for (let card = count - 1; card >= 0; card -= 1) {
      pinnedAfter[card] = pinnedAfter[card + 1]! + (pinned[card] ? group.cardHeights[card]! : 0);
      pinnedCountAfter[card] = pinnedCountAfter[card + 1]! + (pinned[card] ? 1 : 0);
    }
    const shown: number[] = [];
    let y = top + group.headerHeight;
    let collapsing = false;
    for (let card = 0; card < count; card += 1) {
      const height = group.cardHeights[card]!;
      const hiddenSoFar = card - shown.length;
      if (!collapsing && card > 0 && !pinned[card]) {
        const restHidden = count - card - 1 - pinnedCountAfter[card + 1]!;
        // Would this card, the pinned ones after it and (if anything is left to hide) the button fit?
        const needsButton = group.hasMore || hiddenSoFar > 0 || restHidden > 0;
        if (y + height + pinnedAfter[card + 1]! + (needsButton ? group.moreHeight : 0) > limit) collapsing = true;
      }
      if (collapsing && !pinned[card]) continue;
      shown.push(card);
      y += height;
    }
    if (group.hasMore || shown.length < count) y += group.moreHeight;
    const bottom = y;
    placements.push({ top, shown, bottom });
    cursor = bottom + options.gap;
  }
  return placements;
}
