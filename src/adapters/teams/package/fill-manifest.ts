import type { Env } from '../../../config';
import { ConfigError } from '../../../core/errors';

/** Values used when the environment leaves a placeholder unset (the BC Government's public pages). */
const PLACEHOLDER_DEFAULTS: Record<string, string> = {
  TEAMS_DEVELOPER_NAME: 'Government of British Columbia',
  TEAMS_DEVELOPER_URL: 'https://www2.gov.bc.ca',
  TEAMS_PRIVACY_URL: 'https://www2.gov.bc.ca/gov/content/home/privacy',
  TEAMS_TERMS_URL: 'https://www2.gov.bc.ca/gov/content/home/disclaimer',
};

const FIXES: Record<string, string> = {
  MicrosoftAppId:
    "Set it to the bot's Microsoft App ID (Azure Bot resource > Configuration, or Developer Portal > Bots).",
  TEAMS_APP_ID: 'Set it to a GUID for the Teams app, or leave it unset to use MicrosoftAppId.',
};

/**
 * Replaces every `${{NAME}}` in the manifest text with the environment's value (JSON-escaped). TEAMS_APP_ID
 * falls back to MicrosoftAppId and TEAMS_APP_VERSION to the package version; a placeholder with no value is
 * a ConfigError naming it.
 */
export function fillPlaceholders(text: string, env: Env, packageVersion: string): string {
  const values: Env = {
    ...PLACEHOLDER_DEFAULTS,
    TEAMS_APP_VERSION: packageVersion,
    TEAMS_APP_ID: env.MicrosoftAppId,
    ...Object.fromEntries(Object.entries(env).filter(([, value]) => value)),
  };
  return text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (!value)
      throw new ConfigError(
        name,
        'is needed to fill manifests/teams/manifest.json',
        FIXES[name] ?? 'Set it in the environment.',
      );
    return JSON.stringify(value).slice(1, -1);
  });
}
