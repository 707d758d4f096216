import type { KnowledgeBase } from '../../core/knowledge/load-knowledge';
import type { Route } from '../../server/route';
import { guardRequest } from './guard';
import { sendFile } from './static-routes';
import { GUIDELINE_PAGE } from './welcome';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * GET /guideline: the whole guideline as one readable page, each section at `#section-id`, so that a
 * citation in the chat can link to the place it quotes. Built once from the loaded knowledge.
 */
export function createGuidelinePage(kb: KnowledgeBase, loopbackOnly: boolean): Route {
  const body = Buffer.from(renderGuideline(kb));
  return {
    method: 'GET',
    path: GUIDELINE_PAGE,
    handle(req, res) {
      if (guardRequest(req, res, loopbackOnly)) sendFile(res, 'text/html; charset=utf-8', body);
    },
  };
}

export function renderGuideline(kb: KnowledgeBase): string {
  const { meta, sections, passages } = kb.guideline;
  const facts = [`Version: ${meta.version}`, meta.effective && `Effective ${meta.effective}`]
    .filter(Boolean)
    .join('. ');
  const source = meta.source ? ` <a href="${escape(meta.source)}">The published document</a>.` : '';
  const parts = sections.map((section) => {
    const level = Math.min(section.level, 4);
    const html: string[] = [];
    let inList = false;
    for (const passage of passages.filter((p) => p.sectionId === section.id)) {
      const item = Boolean(passage.leadId);
      if (item !== inList) html.push(item ? '<ul>' : '</ul>');
      inList = item;
      html.push(item ? `<li>${escape(passage.text)}</li>` : `<p>${escape(passage.text)}</p>`);
    }
    if (inList) html.push('</ul>');
    return `<section id="${escape(section.id)}" aria-labelledby="h-${escape(section.id)}">
<h${level} id="h-${escape(section.id)}">${escape(section.title)}</h${level}>
${html.join('\n')}
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(meta.title)}</title>
<link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
<link rel="stylesheet" href="/static/chat.css" />
</head>
<body class="guideline">
<header class="site-header"><p><a href="/">Back to the chat</a></p></header>
<main>
<h1>${escape(meta.title)}</h1>
<p class="guideline-facts">${escape(facts)}.${source}</p>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
