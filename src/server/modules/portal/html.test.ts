import { describe, expect, it } from 'vitest';
import { html } from './html.ts';

describe('portal html template', () => {
  it('escapes typed text, keeps its own markup, joins lists and leaves nothing for empty values', () => {
    const title = '<script>alert("x")</script> & 吉浙';
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    const out = html`<h1 title="${title}">${title}</h1><ul>${items}</ul>${null}${false}${undefined}${0}`.text;
    expect(out).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 吉浙">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 吉浙</h1><ul><li>a&lt;b</li><li>c</li></ul>0',
    );
  });
});
