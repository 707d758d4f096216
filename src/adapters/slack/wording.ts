/**
 * Words only Slack shows (button labels, the private-offer line). The bot's answers and the guideline's words
 * come from knowledge/; these are the Slack app's own controls.
 */
export const SLACK_WORDING = {
  shareButton: 'Share in channel',
  sharedBy: (user: string, question: string) => `<@${user}> asked: ${question}`,
  privateButton: 'Continue privately',
  privateOffer:
    'This question touches on privacy or an information incident, so I would rather answer it in a direct message than in this channel.',
  contactsHeading: 'Who to contact',
  escalationHeading: (name: string) => `This is what would be sent to ${name}:`,
  citation: (label: string, title: string, version: string) => `${label} · ${title}, version ${version}`,
  deliveryFailed: (name: string, detail: string) =>
    `Sorry, I could not send my full reply here. For help, contact ${name}${detail ? `: ${detail}` : ''}.`,
} as const;
