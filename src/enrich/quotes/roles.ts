/**
 * Nouns that name a speaker's role ("spokesman", "minister", "adviser"), shared by the source
 * finder ("said senior adviser Jane Roe") and the speaker resolver ("the harbour chief").
 *
 * @module
 */
export const ROLE_NOUNS =
  'official|officials|spokesman|spokeswoman|spokesperson|minister|diplomats?|sources?|chief|head|president|secretary|general|analysts?|experts?|ministry|' +
  'leader|envoy|ambassador|representative|negotiators?|chancellor|mayor|governor|commander|aide|adviser|advisor|lawmaker|senator|premier|director|chairman|chairwoman|prosecutor|spokespeople|' +
  'economist|strategist|pollster|correspondent|researcher|professor|consultant|counsel|attorney|lawyer|manager|founder|executive|officer';

/** One role noun, whole word, any case. */
export const ROLE_WORD = new RegExp(`^(?:${ROLE_NOUNS})$`, 'iu');
