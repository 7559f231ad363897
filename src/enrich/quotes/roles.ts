/**
 * Nouns that name a speaker's role ("spokesman", "minister", "adviser"), shared by the source
 * finder ("said senior adviser Jane Roe") and the speaker resolver ("the harbour chief").
 *
 * @module
 */
import { roleNounPattern } from '../../lang/titles.js';

/** The role nouns as an alternation (data/lang/en/role-nouns.txt). */
export const ROLE_NOUNS = roleNounPattern('en');

/** One role noun, whole word, any case. */
export const ROLE_WORD = new RegExp(`^(?:${ROLE_NOUNS})$`, 'iu');
