/** Markdown to sanitized HTML (Post.bodyHtml): what editors write is kept, what attacks is dropped. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/schema/content/markdown.js';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists, code and tables', () => {
    const html = renderMarkdown(
      [
        '# Clean water',
        '',
        '## 2026',
        '',
        'Some *emphasis*, **strong** and ~~old~~ text.',
        '',
        '- one',
        '- two',
        '',
        '```js',
        'const a = 1 < 2;',
        '```',
        '',
        '| a | b |',
        '|:-|-:|',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(html).toContain('<h1>Clean water</h1>');
    expect(html).toContain('<h2>2026</h2>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).toContain('<strong>strong</strong>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<ul>\n<li>one</li>');
    expect(html).toContain('<code class="language-js">const a = 1 &lt; 2;\n</code>');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<td align="right">2</td>');
  });

  it('returns an empty string for an empty body', () => {
    expect(renderMarkdown('')).toBe('');
  });

  it('keeps links; external ones get rel="noopener noreferrer nofollow"', () => {
    const html = renderMarkdown('[ext](https://example.org/a) [rel](/about) [mail](mailto:info@example.org)');
    expect(html).toContain('<a href="https://example.org/a" rel="noopener noreferrer nofollow">ext</a>');
    expect(html).toContain('<a href="/about">rel</a>');
    expect(html).toContain('<a href="mailto:info@example.org">mail</a>');
  });

  it('overrides a rel written by the author and drops target', () => {
    const html = renderMarkdown('<a href="HTTPS://example.org" rel="opener" target="_blank">t</a>');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toContain('opener"');
    expect(html).not.toContain('target');
  });

  it('removes script tags and their content', () => {
    const html = renderMarkdown(
      'Hello <script>alert("x")</script> world\n\n<script src="https://evil.example"></script>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('Hello');
  });

  it('removes event handler attributes', () => {
    const html = renderMarkdown(
      '<img src="https://example.org/a.png" onerror="alert(1)"> <a href="https://example.org" onclick="alert(2)">x</a> <p onmouseover="alert(3)">p</p>',
    );
    expect(html).not.toMatch(/\bon[a-z]+=/i);
    expect(html).not.toContain('alert');
    expect(html).toContain('<img src="https://example.org/a.png" />');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">x</a>');
  });

  it('removes javascript:, data: and protocol-relative URLs (any case, with entities or spaces)', () => {
    const html = renderMarkdown(
      [
        '[a](javascript:alert(1))',
        '[b](JaVaScRiPt:alert(1))',
        '<a href="  javascript:alert(1)">c</a>',
        '<a href="java&#x09;script:alert(1)">d</a>',
        '[e](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '![f](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
        '<a href="//evil.example/x">g</a>',
      ].join(' '),
    );
    expect(html).not.toMatch(/javascript/i);
    expect(html).not.toContain('data:');
    expect(html).not.toContain('evil.example');
    for (const text of ['a', 'b', 'c', 'd', 'e', 'g']) expect(html).toContain(`<a>${text}</a>`);
    expect(html).toContain('<img alt="f" />');
  });

  it('removes inline styles, iframes, forms, objects and svg', () => {
    const html = renderMarkdown(
      '<p style="color:red">styled</p><iframe src="https://evil.example"></iframe><form action="/x"><input name="a"></form><object data="x"></object><svg><script>alert(1)</script></svg>',
    );
    expect(html).toContain('<p>styled</p>');
    expect(html).not.toMatch(/style=|<iframe|<form|<input|<object|<svg|<script/i);
  });
});
