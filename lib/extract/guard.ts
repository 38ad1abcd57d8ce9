/** Limits that keep extraction finite on hostile or broken pages. */
import { blockText } from './text';

export interface ExtractLimits {
  /** Elements nested deeper than this are read as plain text (Readability recurses on depth). */
  maxDepth: number;
  /** Above this many elements, the body is not extracted; metadata still is. */
  maxElements: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxDepth: 400, maxElements: 150_000 };

/**
 * Replace every subtree that starts at `maxDepth` with its text, in place. Returns how many subtrees
 * were flattened. Iterative: the whole point is surviving trees deep enough to overflow recursion.
 */
export function flattenDeepSubtrees(root: Element, maxDepth: number): number {
  let flattened = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      if (element.firstElementChild) {
        element.textContent = blockText(element);
        flattened++;
      }
      continue;
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1]);
  }
  return flattened;
}
