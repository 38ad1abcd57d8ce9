/** sanitizeArticleHtml against every way into an extension page we know of. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../lib/extract/sanitize';
import { hostileArticleBody } from '../../fixtures/hostile/pages';

const { window } = new JSDOM('');
const sanitize = (html: string) => sanitizeArticleHtml(html, window as unknown as Window);

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, style, link, meta, base, object, embed, form, input, button, svg, math, template, noscript';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite'];

/** Every way the sanitized tree could still run script or fetch something it should not. */
function problemsIn(root: Element): string[] {
  const problems: string[] = [];
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (element !== root && element.matches(FORBIDDEN_ELEMENTS)) problems.push(`<${element.localName}>`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name}=`);
      if (name === 'style' || name === 'srcdoc' || name === 'srcset') problems.push(`${name}=`);
      if (URL_ATTRIBUTES.includes(name) && !/^(?:https?:|mailto:)/i.test(attribute.value))
        problems.push(`${name}="${attribute.value}"`);
    }
  }
  return problems;
}

describe('sanitizeArticleHtml', () => {
  const body = sanitize(hostileArticleBody());

  it('keeps an article wrapped in a customized built-in element, as a plain element without its "is"', () => {
    const wrapped = sanitize(
      '<div><section is="flynt-layout-single-post" class="x"><p>En apparence, la lutte est festive.</p><nav is="x-y" onclick="alert(1)"><a href="javascript:alert(1)">menu</a></nav></section></div>',
    );
    expect(wrapped.textContent).toContain('En apparence, la lutte est festive.');
    expect(wrapped.querySelector('section p')).not.toBeNull();
    expect(wrapped.innerHTML).not.toMatch(/\sis=|onclick|javascript:/);
    expect(problemsIn(wrapped)).toEqual([]);
  });

  it('keeps the text and the safe link', () => {
    expect(body.textContent).toContain('Text with handlers.');
    expect(body.querySelector('a[href="https://example.com/ok"]')?.textContent).toBe('safe link');
  });

  it('leaves no event handler, script, frame, style or non-http(s) link', () => {
    expect(problemsIn(body)).toEqual([]);
    expect(body.innerHTML).not.toMatch(/javascript:|vbscript:|data:|url\(|\son[a-z]+=/i);
  });

  it.each([
    ['a tab written as an entity', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['a decimal tab entity', '<a href="java&#9;script:alert(1)">x</a>'],
    [
      'every letter as an entity',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    ],
    ['mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['a newline inside', '<a href="java\nscript:alert(1)">x</a>'],
    ['leading control characters', '<a href="&#1;&#2; javascript:alert(1)">x</a>'],
    ['a data: URL', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>'],
    ['an image with onerror', '<img src="x" onerror="alert(1)">'],
    ['an image with a javascript: src', '<img src="javascript:alert(1)">'],
    ['a style attribute with url()', '<p style="background:url(https://evil.example/t.png)">x</p>'],
    ['a <style> with url()', '<style>p{background:url(https://evil.example/t.png)}</style><p>x</p>'],
    ['an iframe with srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['svg with a script', '<svg><script>alert(1)</script></svg>'],
    [
      'svg animate setting href',
      '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    ],
    [
      'math mXSS',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    ],
    ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript>'],
    ['a form with formaction', '<form><button formaction="javascript:alert(1)">go</button></form>'],
    ['an object', '<object data="javascript:alert(1)"></object>'],
    ['a base element', '<base href="javascript:alert(1)//"><a href="/relative">x</a>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['a template', '<template><img src=x onerror=alert(1)></template>'],
  ])('%s', (_name, html) => {
    const result = sanitize(html);
    expect(problemsIn(result)).toEqual([]);
    expect(result.innerHTML).not.toMatch(/javascript:|alert\(|url\(/i);
    // Parsed again (as an extension page would, on insertion), it is still clean: no mutation XSS.
    const again = sanitize(result.innerHTML);
    expect(again.innerHTML).toBe(result.innerHTML);
  });

  it('fails closed where DOMPurify cannot run, instead of handing the HTML back', () => {
    expect(() => sanitizeArticleHtml('<img src=x onerror=alert(1)>', {} as Window)).toThrow(
      'The article HTML cannot be sanitized here (DOMPurify needs a full DOM), so it is left out.',
    );
  });
});
