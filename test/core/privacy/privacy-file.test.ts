import { rmSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError } from '../../../src/core/errors';
import { loadPrivacyKnowledge } from '../../../src/core/privacy/privacy-file';
import { copyKnowledge, editFile, lineOf, removeTempDirs } from '../../helpers/knowledge-copy';

// Owners edit privacy.yaml; a mistake names the file, the line and what is wrong.
afterAll(removeTempDirs);

function errorFor(dir: string): KnowledgeFileError {
  try {
    loadPrivacyKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeFileError);
    return error as KnowledgeFileError;
  }
  throw new Error('the broken privacy.yaml was accepted');
}

describe('knowledge/privacy.yaml', () => {
  it('loads the shipped wording, which names the contact and says how long', () => {
    const privacy = loadPrivacyKnowledge();
    expect(privacy.collectionNotice).toContain('{retentionDays}');
    expect(privacy.collectionNotice).toContain('citizenengagement@gov.bc.ca');
    expect(privacy.staleGuideline).toContain('{reviewBy}');
  });

  it.each([
    {
      name: 'a placeholder the bot does not fill',
      from: 'answered the rest of your question.',
      to: 'answered the rest of your {question}.',
      at: 'personalInformationReminder:',
      reason: /^personalInformationReminder: unknown placeholder \{question\}/,
    },
    {
      name: 'a notice that no longer says how long',
      from: 'Records are deleted after {retentionDays} days.',
      to: 'Records are deleted after a while.',
      at: 'collectionNotice:',
      reason: /^collectionNotice: must include \{retentionDays\}/,
    },
    {
      name: 'an unknown key',
      from: 'kinds:',
      to: 'retention: 30\nkinds:',
      at: 'retention: 30',
      reason: /retention/,
    },
    {
      name: 'a domain that is not one',
      from: 'emailDomains: [gov.bc.ca]',
      to: 'emailDomains: ["@gov"]',
      at: 'emailDomains',
      reason: /notPersonal\.emailDomains\[0\]: must be a domain/,
    },
  ])('rejects $name, naming file, line and reason', ({ from, to, at, reason }) => {
    const dir = copyKnowledge();
    editFile(dir, 'privacy.yaml', from, to);
    const error = errorFor(dir);
    expect(error.file).toBe(path.join(dir, 'privacy.yaml'));
    expect(error.place).toMatch(new RegExp(`^${lineOf(dir, 'privacy.yaml', at)}:\\d+$`));
    expect(error.reason).toMatch(reason);
  });

  it('says the file is missing when it is', () => {
    const dir = copyKnowledge();
    rmSync(path.join(dir, 'privacy.yaml'));
    expect(errorFor(dir).reason).toMatch(/is missing/);
  });
});
