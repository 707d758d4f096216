// The few words the Teams adapter adds around the core's replies. Everything a person reads about the
// guideline itself comes from knowledge/ through the Reply; these are only headings and short notices.
/** Headings and notices the Teams cards and messages add around a Reply. */
export const LABELS = {
  contactsHeading: 'Who to contact',
  sourcesHeading: 'Sources',
  feedbackPrompt: 'Was this helpful?',
  escalationLead: (contact: string) => `This is exactly what would be sent to ${contact}:`,
  continued: '(continued)',
  movedToPersonal:
    'This touches on privacy or an information incident, so I have answered you in our personal chat.',
  invitePersonal:
    'This touches on privacy or an information incident, so please ask me in a personal chat instead of here.',
  openPersonalChat: 'Open a personal chat',
  escalationChannelRefused:
    'Only the people listed in ESCALATION_TEAMS_ADMINS, on a bot with a Microsoft App ID, can choose where escalations go, so nothing changed.',
  escalationChannelSet:
    'Done: questions people choose to send to the Citizen Engagement team will be posted in this channel.',
  error: (contact: string) => `Sorry, something went wrong on my side. For help now, contact ${contact}.`,
} as const;
