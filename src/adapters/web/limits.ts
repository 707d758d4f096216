import { MAX_INBOUND_CHARS } from '../../core/search/text';

/** The longest message the web chat takes (every channel's cap); the page refuses a longer one and names it. */
export const MAX_TEXT_LENGTH = MAX_INBOUND_CHARS;
