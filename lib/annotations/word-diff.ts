/**
 * Word-level differences between two versions of a note, for its edit history. Written here because the `diff`
 * package is not installed (and installing is not possible in this project's build): a longest-common-subsequence
 * over words and runs of whitespace, after trimming what both versions share at the start and the end.
 */
// Plain types, no zod: this module runs in the browser too (note edit form), and zod would double the page's script.
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * Past this many cells the table would cost too much memory for a history page; the changed middle is then shown
 * as one removal and one addition, which is still correct, only coarser.
 */
export const MAX_TABLE_CELLS = 2_000_000;

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The middle parts (nothing shared at either end) by LCS: removals before additions where both occur. */
function diffMiddle(before: string[], after: string[], parts: DiffPart[]): void {
  const rows = before.length;
  const columns = after.length;
  if (rows === 0 || columns === 0 || (rows + 1) * (columns + 1) > MAX_TABLE_CELLS) {
    push(parts, "removed", before.join(""));
    push(parts, "added", after.join(""));
    return;
  }
  // lengths[i][j]: the LCS length of before[i..] and after[j..], flattened.
  const width = columns + 1;
  const lengths = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      push(parts, "same", before[i]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push(parts, "removed", before[i++]);
    } else {
      push(parts, "added", after[j++]);
    }
  }
  push(parts, "removed", before.slice(i).join(""));
  push(parts, "added", after.slice(j).join(""));
}

/** The parts that turn `before` into `after`: joining the same and removed parts gives `before`, same and added `after`. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));
  diffMiddle(a.slice(start, a.length - end), b.slice(start, b.length - end), parts);
  push(parts, "same", a.slice(a.length - end).join(""));
  return parts;
}
