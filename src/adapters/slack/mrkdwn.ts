/** Slack's mrkdwn treats only &, < and > as control characters; everything else is shown as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Quoted text: every line starts with "> ", which Slack shows as a block quote. */
export function quoteMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMrkdwn(line)}`)
    .join('\n');
}

/**
 * Splits plain text into pieces whose formatted length (`format(piece).length`) is at most `max`, breaking
 * only at whitespace. A single word longer than `max` (a long URL) is the one case cut inside a word.
 */
export function splitForLimit(text: string, max: number, format: (piece: string) => string): string[] {
  // Nearly every passage fits whole; the word-by-word loop below formats the text once per word.
  if (format(text).length <= max) return text.trim() ? [text.trimEnd()] : [];
  const pieces: string[] = [];
  let current = '';
  for (const token of text.split(/(?<=\s)(?=\S)/)) {
    if (format(current + token).length <= max) {
      current += token;
      continue;
    }
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
    let rest = token;
    while (format(rest).length > max) {
      const cut = longestFit(rest, max, format);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current.trim()) pieces.push(current.trimEnd());
  return pieces;
}

/** The longest prefix of `word` that fits once formatted (binary search; at least one character). */
function longestFit(word: string, max: number, format: (piece: string) => string): number {
  let low = 1;
  let high = word.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (format(word.slice(0, mid)).length <= max) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Shortens a label to `max` characters at a word boundary, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

/** Cuts long text at the last whitespace before `max`, keeping line breaks, ending with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
