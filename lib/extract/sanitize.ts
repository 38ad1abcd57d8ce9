/** The one place page-derived HTML is made safe before it crosses into the extension. */
import createDOMPurify, { type DOMPurify } from 'dompurify';

const instances = new WeakMap<object, DOMPurify>();

function purifierFor(window: Window): DOMPurify {
  let purifier = instances.get(window);
  if (!purifier) {
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    instances.set(window, purifier);
  }
  return purifier;
}

const ARTICLE_POLICY = {
  RETURN_DOM: true as const,
  // Only http(s) and mailto links survive; `javascript:`, `data:` and relative leftovers are dropped.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'svg',
    'math',
    'audio',
    'video',
    'source',
    'track',
    'picture',
  ],
  // Inline styles can fetch remote URLs; ids and classes could clash with the extension page's own.
  FORBID_ATTR: [
    'style',
    'class',
    'id',
    'srcset',
    'sizes',
    'loading',
    'ping',
    'formaction',
    'background',
    'poster',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/**
 * Sanitize an HTML fragment into a detached element whose innerHTML is safe to insert into an
 * extension page. `window` supplies the DOM implementation (the page's window, or jsdom's in Node).
 * Fails closed: where DOMPurify cannot work (it would hand the input back unchanged), this throws.
 */
export function sanitizeArticleHtml(html: string, window: Window): HTMLElement {
  const purifier = purifierFor(window);
  if (!purifier.isSupported) {
    throw new Error(
      'The article HTML cannot be sanitized here (DOMPurify needs a full DOM), so it is left out.',
    );
  }
  const body: unknown = purifier.sanitize(html, ARTICLE_POLICY);
  if (typeof body !== 'object' || body === null || (body as Node).nodeType !== 1) {
    throw new Error('The article HTML could not be sanitized, so it is left out.');
  }
  return body as HTMLElement;
}
