import path from 'node:path';
import { KnowledgeFileError } from '../../src/core/errors';
import { loadOperations, renderRateLimitMessage } from '../../src/ops/operations-file';
import { startServer } from '../../src/server/serve';
import { copyKnowledge, editFile, lineOf, makeTempDir, removeTempDirs } from '../helpers/knowledge-copy';
import { writeFileSync } from 'node:fs';

afterAll(removeTempDirs);

const problem = (dir: string): KnowledgeFileError => {
  try {
    loadOperations(dir);
  } catch (error) {
    if (error instanceof KnowledgeFileError) return error;
    throw error;
  }
  throw new Error('loadOperations accepted the file');
};

describe('knowledge/operations.yaml', () => {
  it('ships with a rate-limit message that names the limit', () => {
    const message = renderRateLimitMessage(loadOperations(), 17);
    expect(message).toContain('17');
    expect(message).not.toContain('{limit}');
  });

  it('names the file, line and field of a misspelt placeholder', () => {
    const dir = copyKnowledge();
    editFile(dir, 'operations.yaml', 'than {limit}', 'than {limt}');
    const error = problem(dir);
    expect(error.file).toBe(path.join(dir, 'operations.yaml'));
    expect(error.place).toBe(`${lineOf(dir, 'operations.yaml', 'rateLimited:')}:14`);
    expect(error.reason).toBe('rateLimited: may use only the placeholder {limit}');
  });

  it('names an unknown key, a YAML syntax error and a missing file', () => {
    const dir = copyKnowledge();
    editFile(dir, 'operations.yaml', 'rateLimited:', 'rateLimit:');
    expect(problem(dir).reason).toMatch(/rateLimit/);
    expect(problem(dir).place).toBe(`${lineOf(dir, 'operations.yaml', 'rateLimit:')}:1`);

    const broken = makeTempDir('ops');
    writeFileSync(path.join(broken, 'operations.yaml'), 'rateLimited: "unterminated\n');
    expect(problem(broken).reason).toMatch(/^YAML syntax/);

    expect(problem(makeTempDir('empty')).reason).toMatch(/^is missing/);
  });

  it('stops the server from starting when it is broken', async () => {
    const dir = copyKnowledge();
    editFile(dir, 'operations.yaml', 'rateLimited:', 'rateLimited: ""\nother:');
    await expect(startServer({ env: { PORT: '0', GUIDEBOT_KNOWLEDGE_DIR: dir } })).rejects.toBeInstanceOf(
      KnowledgeFileError,
    );
  });
});
