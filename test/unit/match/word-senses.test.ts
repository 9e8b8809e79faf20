// "key" the adjective vs "key" the noun: the classifier reads only the noun as a key.
import { describe, expect, it } from 'vitest';
import { dropAdjectivalKey } from '../../../lib/match/word-senses';

describe('dropAdjectivalKey', () => {
  it('drops "key" where it means "important"', () => {
    expect(dropAdjectivalKey('We review key risk issues with key stakeholders.')).toBe(
      'We review  risk issues with  stakeholders.',
    );
    expect(dropAdjectivalKey('Management assigns key managers.')).toBe('Management assigns  managers.');
  });

  it('keeps "key" where it names a key (cryptographic, physical) and keeps plain "keys"', () => {
    for (const text of [
      'Is key management documented?',
      'Are key rotation periods defined?',
      'Who are the key custodians?',
      'Do badges or key cards control entry?',
      'Are encryption keys stored in an HSM?',
      'Is the private key protected?',
      'Are cryptographic key-management operations split?',
    ])
      expect(dropAdjectivalKey(text)).toBe(text);
  });

  it('leaves text without the word untouched', () => {
    const text = 'Keyboard shortcuts and monkeys';
    expect(dropAdjectivalKey(text)).toBe(text);
  });
});
