/** Reading an annotation's selectors. */
import type { Annotation, TextQuoteSelector } from './types';

/** A highlight's quote selector (the passage and the text around it); null for a page note. */
export function quoteOf(annotation: Annotation): TextQuoteSelector | null {
  return (
    annotation.target.selector.find(
      (selector): selector is TextQuoteSelector => selector.type === 'TextQuoteSelector',
    ) ?? null
  );
}
