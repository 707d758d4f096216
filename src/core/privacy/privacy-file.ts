import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/load-knowledge';
import { parseYamlFile, readKnowledgeFile } from '../knowledge/yaml-file';

/** Wording with {placeholders}: only the named ones are allowed, and `required` ones must appear. */
function wording(allowed: string[], required: string[] = []) {
  return z
    .string()
    .trim()
    .min(1)
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(/\{(\w*)\}/g))
        if (!allowed.includes(name!))
          ctx.addIssue({
            code: 'custom',
            message: `unknown placeholder {${name}}: use ${allowed.map((a) => `{${a}}`).join(', ') || 'none here'}`,
          });
      for (const name of required)
        if (!text.includes(`{${name}}`))
          ctx.addIssue({ code: 'custom', message: `must include {${name}} (the bot fills it in)` });
    });
}

const kindName = z.string().trim().min(1);

/** knowledge/privacy.yaml: the bot's privacy wording and the contact details that are not personal. */
const privacyFileSchema = z
  .object({
    collectionNotice: wording(['retentionDays'], ['retentionDays']),
    personalInformationReminder: wording(['found']),
    staleGuideline: wording(['reviewBy']),
    kinds: z
      .object({
        email: kindName,
        phone: kindName,
        sin: kindName,
        phn: kindName,
        address: kindName,
        dateOfBirth: kindName,
        healthDetail: kindName,
        name: kindName,
      })
      .strict(),
    notPersonal: z
      .object({
        emailDomains: z.array(
          z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain like gov.bc.ca'),
        ),
        phones: z.array(z.string().min(7)).default([]),
      })
      .strict(),
  })
  .strict();

/** The validated contents of knowledge/privacy.yaml. */
export type PrivacyKnowledge = z.infer<typeof privacyFileSchema>;

const PRIVACY_FILE = 'privacy.yaml';

/** Reads and validates privacy.yaml from a knowledge folder; a bad file names the file, place and reason. */
export function loadPrivacyKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): PrivacyKnowledge {
  const file = path.join(dir, PRIVACY_FILE);
  const source = readKnowledgeFile(file, 'the bot needs its collection notice and privacy wording');
  return parseYamlFile(file, source, privacyFileSchema);
}

/** Fills {placeholders} in a wording from privacy.yaml. */
export function fillWording(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
