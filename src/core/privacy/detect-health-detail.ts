import type { PiSpan } from './pi-kinds';

// Someone else the person could name: family first, then people from work and life.
const RELATION =
  'wife|husband|spouse|partner|ex|son|daughter|child|children|kid|kids|baby|mother|father|mom|mum|dad|parents?|' +
  'brother|sister|sibling|grand(?:mother|father|ma|pa|son|daughter|child|parents?)|aunt|uncle|cousin|niece|' +
  'nephew|in-laws?|(?:mother|father|sister|brother|son|daughter)-in-law|step(?:son|daughter|mother|father)|' +
  'boyfriend|girlfriend|fianc[eé]e?|neighbou?r|friend|roommate|tenant|landlord|co-?worker|colleague|boss|' +
  'manager|employee|client|caregiver';
// Who the relation belongs to: "my wife", "his mother", "Jane Smith's husband".
const OWNER = String.raw`(?:\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our)\s+(?:[\w-]+\s+){0,2}?|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?'s\s+)`;
// The person themself, telling: "I was diagnosed with ...", "I'm on antidepressants".
const SELF = String.raw`\bI(?:'m|'ve)?\b(?=\s)`;
const PERSON = new RegExp(String.raw`${OWNER}(?:${RELATION})s?\b('s|s')?|${SELF}`, 'g');

// Specific health conditions and treatments, and sensitive family matters. Vague words ("medical details",
// "health information") describe a situation without disclosing anything, so they are not on the list.
const DETAIL = new RegExp(
  // "diagnosed with" takes the condition after it, listed or not ("diagnosed with lupus").
  String.raw`\b(?:diagnos\w*(?:\s+(?:with|as)\s+[\w'-]+(?:\s+(?!(?:and|but|so|she|he|they|i|we|it|can|should|is|was)\b)[a-z][\w'-]*)?)?|cancer|tumou?r|leukemia|diabet\w*|insulin|hiv|aids|hepatitis|dementia|alzheimer\w*|` +
    String.raw`parkinson\w*|autis\w*|adhd|depress\w*|anxiety|bipolar|schizophren\w*|ptsd|epilep\w*|seizures?|` +
    String.raw`stroke|heart (?:attack|condition|disease)|pregnan\w*|miscarri\w*|abortion|chemo\w*|surgery|` +
    String.raw`hospitali[sz]ed|in (?:the )?hospital|intensive care|icu|rehab\w*|addict\w*|overdos\w*|` +
    String.raw`medications?|meds|prescri\w*|pills|dialysis|terminally|disabilit\w*|disabled|mental illness|` +
    // Medicines people name when they say what someone takes ("my son is on Ritalin").
    String.raw`ritalin|adderall|concerta|vyvanse|prozac|zoloft|lexapro|celexa|paxil|wellbutrin|effexor|cymbalta|` +
    String.raw`xanax|ativan|valium|lithium|seroquel|abilify|risperdal|methadone|suboxone|oxycodone|opioids?|` +
    String.raw`morphine|fentanyl|metformin|antidepressants?|antipsychotics?|` +
    String.raw`covid\w*|asthma|allerg\w*|therapy|therapist|psychiatr\w*|counsell?ing|sick|ill|illness|` +
    String.raw`divorc\w*|custody|arrested|jail|prison|criminal record|charged with|affair|abused?|foster care|` +
    String.raw`income assistance|bankrupt\w*)\b`,
  'gi',
);
// A detail only counts when the sentence says the person has or does it, not that it is a topic.
const STATE =
  /\b(?:is|was|has|had|have|got|gets|needs?|needed|takes?|took|taking|suffers?|suffering|lives?|living|battling|recovering|went|goes|going|started|just|on|been)\b/i;
// A name or number right after the detail belongs to it: "Medication A", "stage 2".
const NAMED = /^\s+(?:[A-Z][\w-]*|\d+)\b/;
// "about the new therapy program": the detail is what a post is about, a few words on. "About her cancer"
// is still her cancer.
const TOPIC = /\b(?:about|regarding|concerning|re)\b:?((?:\s+[\w'-]+){0,5})\s*$/i;
const isTopic = (before: string): boolean => {
  const words = TOPIC.exec(before)?.[1];
  return words !== undefined && !/\b(?:her|his|their|my|our|your)\b/i.test(words);
};
// "the addiction services page", "a cancer screening campaign": a program's name, not anyone's health.
const PROGRAM =
  /^\s+(?:services?|programs?|pages?|sites?|campaigns?|clinics?|week|month|day|awareness|prevention|research|society|foundation|units?|ward|teams?|polic(?:y|ies)|strategy|screening|cent(?:re|er)s?|network|support groups?|information|resources?|projects?|posts?)\b/i;
const OWNED = /\b(?:her|his|their)(?:\s+[\w'-]+)?\s*$/i;
// "My wife, who has worked at the ministry for twenty years ..., was diagnosed with ...": a detail can come
// long after the person; the sentence still ends the search.
const MAX_GAP_WORDS = 40;
// Forty words fit well within this; the bound keeps long messages linear.
const MAX_REST_CHARS = 500;

/** Where the detail ends: further details close behind it ("has cancer and needs chemo") and a name. */
function detailEnd(rest: string, first: RegExpMatchArray): number {
  const from = first.index! + first[0].length;
  let end = from;
  for (const next of rest.slice(from).matchAll(DETAIL)) {
    const gap = rest.slice(end, from + next.index);
    if (gap.split(/\s+/).filter(Boolean).length > 4 || /[,:]/.test(gap)) break;
    end = from + next.index + next[0].length;
  }
  return end + (NAMED.exec(rest.slice(end))?.[0].length ?? 0);
}

/** Third-party health or family details: "My wife, Jane Smith, needs to take daily doses of Medication A." */
export function findHealthDetails(text: string): PiSpan[] {
  const spans: PiSpan[] = [];
  for (const person of text.matchAll(PERSON)) {
    const start = person.index;
    const after = person.index + person[0].length;
    // The rest of the sentence ("Medication A." ends a sentence; "Dr." or "St." do not matter here).
    const rest = text.slice(after, after + MAX_REST_CHARS).split(/[.!?;](?=\s|$)|\n/)[0]!;
    const possessive = Boolean(person[1]);
    for (const detail of rest.matchAll(DETAIL)) {
      const before = rest.slice(0, detail.index);
      if (PROGRAM.test(rest.slice(detail.index! + detail[0].length))) continue;
      if (before.split(/\s+/).filter(Boolean).length > MAX_GAP_WORDS || isTopic(before)) break;
      // "my son's autism" needs no verb; "my boss asked me to post about surgery" is a topic, not a detail.
      // "told me about her depression": the detail is theirs when their pronoun owns it.
      const direct =
        (possessive && before.trim().split(/\s+/).filter(Boolean).length <= 2) || OWNED.test(before);
      // The verb must sit in the detail's own clause: "my manager is on leave, who approves the therapy post".
      if (!direct && !STATE.test(before.slice(before.lastIndexOf(',') + 1))) continue;
      spans.push({ kind: 'healthDetail', start, end: after + detailEnd(rest, detail) });
      break;
    }
  }
  return spans;
}
