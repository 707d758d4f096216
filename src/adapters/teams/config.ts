import { z } from 'zod';
import { parseEnv, type Env } from '../../config';
import { ConfigError } from '../../core/errors';

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const schema = z.object({
  MicrosoftAppId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID')
    .optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  // botbuilder compares the type case-insensitively; so do we, and hand it the canonical spelling.
  MicrosoftAppType: z
    .string()
    .transform((value) => APP_TYPES.find((type) => type.toLowerCase() === value.trim().toLowerCase()))
    .pipe(z.enum(APP_TYPES, { message: `must be one of ${APP_TYPES.join(', ')}` }))
    .optional(),
  MicrosoftAppTenantId: z.string().trim().min(1).optional(),
  NODE_ENV: z.string().optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Local mode (no app id) on a HOST other machines can reach: off unless an operator says "on".
  TEAMS_LOCAL_MODE: z.enum(['on', 'off']).optional(),
  // Entra object ids (comma-separated) of who may choose the escalation channel; unset: anyone in the team.
  ESCALATION_TEAMS_ADMINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .optional(),
});

const fixes: Record<string, string> = {
  MicrosoftAppId:
    'Copy the Microsoft App ID (such as 6d2d3a1b-4c5e-4f60-8a7b-9c0d1e2f3a4b) from the Azure Bot resource > Configuration, or unset it for local mode.',
  TEAMS_LOCAL_MODE:
    'Set it to "on" (unauthenticated local mode even when HOST is not loopback) or "off", or leave it unset.',
  MicrosoftAppType:
    'Set it to SingleTenant (new bots), MultiTenant or UserAssignedMSI, as shown on the Azure Bot resource.',
};

/** The Teams channel's settings: Bot Framework credentials, or none for local mode. */
export interface TeamsConfig {
  /** Unset means local mode: no authentication, loopback serviceUrls only. */
  appId?: string;
  appPassword?: string;
  appType: (typeof APP_TYPES)[number];
  tenantId?: string;
  production: boolean;
  /** HOST: local mode is only for a server other machines cannot reach. */
  host: string;
  /** TEAMS_LOCAL_MODE: on/off forces local mode on any HOST (or off); unset follows HOST. */
  localMode?: 'on' | 'off';
  /** Who may type "use this channel for escalations"; undefined lets anyone in a team with the bot. */
  escalationAdmins?: string[];
}

/** Reads and cross-checks the Microsoft* variables; throws a ConfigError naming the variable and the fix. */
export function readTeamsConfig(env: Env): TeamsConfig {
  const parsed = parseEnv(schema, env, fixes);
  const config: TeamsConfig = {
    appType: parsed.MicrosoftAppType ?? 'MultiTenant',
    production: parsed.NODE_ENV === 'production',
    host: parsed.HOST,
    ...(parsed.TEAMS_LOCAL_MODE && { localMode: parsed.TEAMS_LOCAL_MODE }),
    ...(parsed.MicrosoftAppId && { appId: parsed.MicrosoftAppId }),
    ...(parsed.MicrosoftAppPassword && { appPassword: parsed.MicrosoftAppPassword }),
    ...(parsed.MicrosoftAppTenantId && { tenantId: parsed.MicrosoftAppTenantId }),
    ...(parsed.ESCALATION_TEAMS_ADMINS?.length && { escalationAdmins: parsed.ESCALATION_TEAMS_ADMINS }),
  };
  checkCombination(config);
  return config;
}

// The same rules botbuilder asserts later, checked at start-up so the error names the variable and the fix.
function checkCombination(config: TeamsConfig): void {
  const { appId, appPassword, appType, tenantId } = config;
  if (!appId) {
    if (appPassword || tenantId)
      throw new ConfigError(
        'MicrosoftAppId',
        'is not set, but MicrosoftAppPassword or MicrosoftAppTenantId is',
        "Set it to the bot's Microsoft App ID (Azure Bot resource > Configuration), or unset the others for local mode.",
      );
    return;
  }
  if (appType !== 'MultiTenant' && !tenantId)
    throw new ConfigError(
      'MicrosoftAppTenantId',
      `is required when MicrosoftAppType is ${appType}`,
      "Set it to the directory (tenant) ID of the bot's app registration.",
    );
  if (appType === 'UserAssignedMSI' && appPassword)
    throw new ConfigError(
      'MicrosoftAppPassword',
      'must not be set for UserAssignedMSI',
      'Unset it: a managed identity has no client secret.',
    );
  if (appType !== 'UserAssignedMSI' && !appPassword)
    throw new ConfigError(
      'MicrosoftAppPassword',
      `is required for a ${appType} bot`,
      "Set it to a client secret of the bot's app registration (Certificates & secrets).",
    );
}

/** The options object ConfigurationBotFrameworkAuthentication reads; empty in local mode. */
export function toAuthOptions(config: TeamsConfig): Record<string, string> {
  if (!config.appId) return {};
  return {
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
    ...(config.appPassword && { MicrosoftAppPassword: config.appPassword }),
    ...(config.tenantId && { MicrosoftAppTenantId: config.tenantId }),
  };
}
