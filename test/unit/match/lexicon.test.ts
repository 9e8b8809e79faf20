import { describe, expect, it } from 'vitest';
import lexiconJson from '../../../data/lexicon.json';
import { compileLexicon, LexiconFile } from '../../../lib/match/lexicon';
import { stem } from '../../../lib/match/stem';
import { analyze } from '../../../lib/match/text';

describe('data/lexicon.json', () => {
  it('matches its schema and compiles without variant clashes', () => {
    expect(LexiconFile.safeParse(lexiconJson).success).toBe(true);
    expect(() => compileLexicon(lexiconJson)).not.toThrow();
  });

  it('refuses a variant claimed by two concepts, naming both and the fix', () => {
    const bad = {
      format: 'crosswalk-lexicon',
      version: 1,
      stopwords: [],
      concepts: [
        { term: 'mfa', variants: ['two factor'] },
        { term: 'otp', variants: ['two factors'] },
      ],
    };
    expect(() => compileLexicon(bad)).toThrow(/"two factors" belongs to both "mfa" and "otp".*keep it in one concept/);
  });
});

describe('normalisation', () => {
  it.each([
    ['MFA', 'mfa'],
    ['2FA', 'mfa'],
    ['two-factor authentication', 'mfa'],
    ['multi factor', 'mfa'],
    ['SSO', 'sso'],
    ['SAML', 'sso'],
    ['single sign-on', 'sso'],
    ['pen test', 'pentest'],
    ['penetration testing', 'pentest'],
    ['penetration tests', 'pentest'],
    ['TLS', 'tls'],
    ['HTTPS', 'tls'],
    ['SSL', 'tls'],
    ['KMS', 'keymanagement'],
    ['HSM', 'keymanagement'],
    ['PII', 'pii'],
    ['PHI', 'pii'],
    ['personal data', 'pii'],
    ['RTO', 'rto'],
    ['recovery point objective', 'rpo'],
    ['SAST', 'sast'],
    ['DAST', 'sast'],
    ['least privilege', 'leastprivilege'],
    ['BYOD', 'mdm'],
    ['DLP', 'dlp'],
    ['SIEM', 'siem'],
    ['EDR', 'edr'],
    ['BCP', 'bcp'],
    ['disaster recovery', 'disasterrecovery'],
    ['SDLC', 'sdlc'],
    ['RBAC', 'rbac'],
    ['DPA', 'dpa'],
    ['PAM', 'pam'],
  ])('folds %s onto %s', (phrase, term) => {
    expect(analyze(phrase)).toEqual([term]);
  });

  it('keeps named standards apart, so a HITRUST question does not read as an ISO 27001 one', () => {
    expect(analyze('ISO 27001 certification')).not.toEqual(analyze('HITRUST certification'));
  });

  it('drops stopwords and questionnaire numbering but keeps the topic words', () => {
    expect(analyze('4.3.1 Do you encrypt all customer backups? (Yes/No)')).toEqual([
      'encryption',
      'customer',
      'backup',
    ]);
  });

  it('stems word families together and leaves short words and acronyms alone', () => {
    expect(new Set(['encrypted', 'encryption', 'encrypting'].map(stem))).toEqual(new Set(['encrypt']));
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('authorised')).toBe(stem('authorization'));
    expect(stem('access')).toBe('access');
    expect(stem('aes')).toBe('aes');
  });
});
