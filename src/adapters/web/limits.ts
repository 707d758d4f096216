/** The longest message the web chat takes; the page refuses a longer one and names this limit. */
export const MAX_TEXT_LENGTH = 2000;
