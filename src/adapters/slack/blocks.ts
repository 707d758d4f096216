import type { types } from '@slack/bolt';

/** Block Kit types, taken from Bolt so they match the version Slack's SDK sends. */
export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type HomeView = types.HomeView;

/** One Slack message: blocks for display, plain `text` for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionsPerBlock: 25,
  // Slack rejects messages whose blocks total much more than this with msg_blocks_too_long (~13k).
  charsPerMessage: 11000,
  // The notification text; Slack truncates `text` over 40k, and long notifications help nobody.
  notificationText: 3000,
} as const;

/** Action ids this app puts on buttons; the prefix routes every click to one listener. */
export const ACTIONS = {
  choice: 'gb:choice',
  feedback: 'gb:feedback',
  share: 'gb:share',
  private: 'gb:private',
} as const;

/** block_id marking a dialog card, so a click on it can update the card in place. */
export const DIALOG_BLOCK_PREFIX = 'gb-dialog:';
export const FEEDBACK_BLOCK_ID = 'gb-feedback';
