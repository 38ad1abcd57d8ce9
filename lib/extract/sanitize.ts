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
  const body: unknown = purifier.sanitize(withoutCustomizedBuiltIns(html, window), ARTICLE_POLICY);
  if (typeof body !== 'object' || body === null || (body as Node).nodeType !== 1) {
    throw new Error('The article HTML could not be sanitized, so it is left out.');
  }
  return body as HTMLElement;
}

/**
 * The HTML with every customized built-in element ("<section is=\"flynt-layout-single-post\">", as some
 * WordPress themes wrap a whole article) made a plain one of its tag. DOMPurify removes such an element
 * whole, text and all, when it returns a DOM; removing only the attribute is not enough, as an element
 * keeps its "is" value and writes it back out. Parsed into an inert document, and only when the HTML has
 * an `is` attribute at all.
 */
function withoutCustomizedBuiltIns(html: string, window: Window): string {
  if (!/\sis\s*=/i.test(html)) return html;
  // An inert document: nothing in it runs or loads.
  const Parser = (window as unknown as { DOMParser: typeof DOMParser }).DOMParser;
  const parsed = new Parser().parseFromString(html, 'text/html');
  for (const element of Array.from(parsed.body.querySelectorAll('[is]'))) {
    const plain = parsed.createElement(element.localName);
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === 'is') continue;
      try {
        plain.setAttribute(attribute.name, attribute.value);
      } catch {
        // A name the parser accepts but setAttribute does not ("a\"b"): DOMPurify would drop it anyway.
      }
    }
    plain.append(...Array.from(element.childNodes));
    element.replaceWith(plain);
  }
  return parsed.body.innerHTML;
}
