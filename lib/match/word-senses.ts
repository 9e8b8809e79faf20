// Words with two senses in questionnaire prose, resolved from the next word before analysis. "key" is a
// cryptographic (or physical) key in "key rotation", "encryption keys", "key card", but an adjective in
// "key stakeholders", "key risk issues", "key managers": there it means "important" and names no topic, and
// read as the noun it would score the cryptography controls (and "key managers" would stem onto the
// lexicon's "key management"). A rule of the language, not of any catalog or question set.

/** Nouns that make "key X" a key of some kind (cryptographic, physical, API). */
const KEY_NOUNS = new Set([
  'management',
  'rotation',
  'rotations',
  'length',
  'lengths',
  'store',
  'stores',
  'storage',
  'custodian',
  'custodians',
  'generation',
  'escrow',
  'vault',
  'vaults',
  'pair',
  'pairs',
  'exchange',
  'lifecycle',
  'life',
  'material',
  'materials',
  'distribution',
  'revocation',
  'backup',
  'backups',
  'card',
  'cards',
  'fob',
  'fobs',
  'ring',
  'safe',
  'box',
  'holder',
  'holders',
  'server',
  'servers',
  'service',
  'services',
]);

/** Words that make "X key" a key: "private key", "encryption key", "API key". */
const KEY_KINDS = new Set([
  'private',
  'public',
  'secret',
  'encryption',
  'decryption',
  'cryptographic',
  'crypto',
  'signing',
  'master',
  'root',
  'api',
  'ssh',
  'pgp',
  'gpg',
  'symmetric',
  'asymmetric',
  'session',
  'host',
  'access',
  'data',
  'physical',
  'security',
  'hardware',
  'customer',
  'managed',
  'shared',
  'recovery',
  'license',
]);

/** Words that never follow an adjective: "the key is rotated", "a key to the vault". */
const FUNCTION_WORDS = new Set(
  'is are was were be been has have had and or to of in for with on at by from that which must should shall will can may used'.split(
    ' ',
  ),
);

/** "key" and the word before it (if any) and after it. */
const KEY_IN_CONTEXT = /(?:\b([a-z]+)[\s-]+)?\bkey\b(?=[\s-]+([a-z]+))/gi;

/** The text with adjectival "key" dropped ("key stakeholders" -> "stakeholders"); every other word kept. */
export function dropAdjectivalKey(text: string): string {
  if (!/\bkey\b/i.test(text)) return text;
  return text.replace(KEY_IN_CONTEXT, (match: string, before: string | undefined, after: string) => {
    const next = after.toLowerCase();
    if (KEY_NOUNS.has(next) || FUNCTION_WORDS.has(next)) return match;
    if (before !== undefined && KEY_KINDS.has(before.toLowerCase())) return match;
    return match.slice(0, match.length - 3);
  });
}
