import { guardPersonalInformation } from './guard';

// compromise's name finder (people's names, with titles such as "Dr."), loaded on first use: only free
// text kept for a decision record needs it.
type Nlp = (text: string) => { people(): { out(format: 'array'): string[] } };
let nlp: Nlp | undefined;

export const NAME_PLACEHOLDER = '[name]';
// Free text is capped well below this before it reaches a record; the cap keeps the name finder cheap.
const MAX_CHARS = 1000;

/** The text with people's names replaced by "[name]". */
export function redactNames(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  nlp ??= require('compromise') as Nlp;
  const capped = text.slice(0, MAX_CHARS);
  const names = nlp(capped)
    .people()
    .out('array')
    .map(trimPunctuation)
    .filter((name) => name.length > 1)
    .sort((a, b) => b.length - a.length);
  return names.reduce((t, name) => t.split(name).join(NAME_PLACEHOLDER), capped);
}

/** Without trailing punctuation ("Jane Smith," -> "Jane Smith"); a loop, so no pattern backtracks. */
function trimPunctuation(name: string): string {
  let end = name.length;
  while (end > 0 && '.,;:!?\'" '.includes(name[end - 1]!)) end--;
  return name.slice(0, end);
}

/**
 * Free text as a decision record may show it: identifiers replaced by the privacy guard (its detectors, all of
 * them), then people's names.
 */
export function redactForRecord(text: string): string {
  return redactNames(guardPersonalInformation(text).redacted);
}
