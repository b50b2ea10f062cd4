/**
 * Markdown (as written by editors) to HTML a frontend can insert as is: rendered by marked,
 * then sanitized by sanitize-html with an allow-list (no script, no event handlers, no
 * javascript:/data: URLs, no inline styles).
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'figure', 'figcaption', 'del', 'ins', 'sup', 'sub'],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    code: ['class'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
    }),
  },
};

/** Rendering and sanitizing cost far more than hashing: keep recent results (by content digest). */
const rendered = new LRUCache<string, string>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (html) => html.length + 64,
});

export function renderMarkdown(markdown: string): string {
  if (!markdown) return '';
  const key = createHash('sha256').update(markdown).digest('base64');
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(marked.parse(markdown) as string, SANITIZE);
  rendered.set(key, html);
  return html;
}
