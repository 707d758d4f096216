import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// src/core is platform-neutral: channels (Slack, Teams, HTTP) live in adapters, never in the core.
const CORE_DIR = path.resolve(__dirname, '../../src/core');

const FORBIDDEN: RegExp[] = [
  /^@slack\//,
  /^botbuilder/,
  /^botframework/,
  /^express(\/|$)/,
  /^fastify(\/|$)/,
  /^@fastify\//,
  /^koa(\/|$)/,
  /^@koa\//,
  /^@hapi\//,
  /^restify(\/|$)/,
  /^hono(\/|$)/,
  /^@nestjs\//,
  /^(node:)?https?(\/|$)/,
  /^(node:)?http2$/,
];

/** Every module specifier a TypeScript source imports, re-exports or requires. */
function moduleSpecifiers(source: string): string[] {
  const pattern =
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2]!);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const forbidden = (specifier: string): boolean => FORBIDDEN.some((pattern) => pattern.test(specifier));

describe('src/core', () => {
  it('imports no chat platform SDK, HTTP framework or node:http', () => {
    const files = tsFiles(CORE_DIR);
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((file) =>
      moduleSpecifiers(readFileSync(file, 'utf8'))
        .filter(forbidden)
        .map((specifier) => `${path.relative(CORE_DIR, file)}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('scan sees the imports the core does have (so the check above can fail)', () => {
    const all = tsFiles(CORE_DIR).flatMap((file) => moduleSpecifiers(readFileSync(file, 'utf8')));
    expect(all).toEqual(expect.arrayContaining(['lunr', 'zod', 'node:fs']));
    const sample = [
      "import { App } from '@slack/bolt';",
      "import type { TurnContext } from 'botbuilder';",
      "import express from 'express';",
      "import * as http from 'node:http';",
      "export { createServer } from 'http';",
      "const fastify = require('fastify');",
      "const { CloudAdapter } = await import('botbuilder-core');",
    ].join('\n');
    expect(moduleSpecifiers(sample).filter(forbidden)).toHaveLength(7);
    expect(['lunr', 'node:https-proxy', 'httpx', './http-like'].filter(forbidden)).toEqual([]);
  });
});
