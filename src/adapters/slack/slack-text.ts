/**
 * What a person typed, from Slack's wire format: `<@U123>` mentions, `<https://x|label>` links,
 * `<#C123|name>` channels and &amp;-escaped characters become plain text. The bot's own mention is dropped.
 */
export function toPlainText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => {
      const [target = '', label] = inner.split('|');
      if (botUserId && target === `@${botUserId}`) return ' ';
      if (label) return target.startsWith('#') ? `#${label}` : label;
      if (target.startsWith('!')) return '';
      return target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
