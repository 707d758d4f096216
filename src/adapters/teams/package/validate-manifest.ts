import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/i;

/**
 * Problems with the manifest, checked offline against the Teams JSON schema that @microsoft/app-manifest
 * bundles for its `$schema` version (no network: an unknown version is itself a problem). Empty when valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (!manifest || typeof manifest !== 'object') return ['manifest.json must be a JSON object'];
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  const version = typeof schemaUrl === 'string' ? SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  if (!version)
    return [
      '/$schema must be a Teams schema URL such as https://developer.microsoft.com/en-us/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    ];
  const schemaFile = path.join(bundledSchemasDir(), version, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaFile))
    return [`/$schema names Teams manifest schema ${version}, which @microsoft/app-manifest does not bundle`];
  // The bundled files contain \a and \v escapes that JSON.parse refuses; the library rewrites them the same way.
  const schema: unknown = JSON.parse(
    readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'),
  );
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  return errors.map((error) => error.replace(/\. Details: .*$/, '').trim());
}

function bundledSchemasDir(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams');
}
