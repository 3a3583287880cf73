// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { accountRefusal } from './allowed-accounts';

const lists = { allowedDomains: ['acme.com'], allowedEmails: ['guest@partner.test'] };
const verified = (email: string) => ({ email, emailVerified: true, name: null });

describe('allowed accounts', () => {
  it('lets in a verified address at an allowed domain', () => {
    expect(accountRefusal(verified('ana@acme.com'), lists)).toBeNull();
  });

  it('compares the address without regard to case or surrounding spaces', () => {
    expect(accountRefusal(verified('Ana@ACME.Com'), lists)).toBeNull();
    expect(accountRefusal(verified(' ana@acme.com '), lists)).toBeNull();
    expect(accountRefusal(verified('GUEST@Partner.TEST'), lists)).toBeNull();
  });

  it('refuses an unverified address, even one listed by itself', () => {
    const unverified = (email: string) => ({ email, emailVerified: false, name: null });

    expect(accountRefusal(unverified('ana@acme.com'), lists)).toBe('email-not-verified');
    expect(accountRefusal(unverified('guest@partner.test'), lists)).toBe('email-not-verified');
  });

  it.each([
    ['a subdomain', 'ana@mail.acme.com'],
    ['a look-alike that ends like it', 'ana@notacme.com'],
    ['a look-alike that starts like it', 'ana@acme.com.evil.test'],
    ['another domain', 'ana@evil.test'],
  ])('refuses %s of an allowed domain (%s)', (_, email) => {
    expect(accountRefusal(verified(email), lists)).toBe('account-not-allowed');
  });

  it('lets in an address listed by itself although its domain is not allowed', () => {
    expect(accountRefusal(verified('guest@partner.test'), lists)).toBeNull();
    expect(accountRefusal(verified('other@partner.test'), lists)).toBe('account-not-allowed');
  });

  it('judges an address with two @ by the domain after the last one', () => {
    expect(accountRefusal(verified('x@acme.com@evil.test'), lists)).toBe('account-not-allowed');
    expect(accountRefusal(verified('x@evil.test@acme.com'), lists)).toBeNull();
  });

  it('refuses an address with nothing before its @, or with no @ at all', () => {
    expect(accountRefusal(verified('@acme.com'), lists)).toBe('account-not-allowed');
    expect(accountRefusal(verified('acme.com'), lists)).toBe('account-not-allowed');
  });

  it('lets nobody in when both lists are empty', () => {
    const empty = { allowedDomains: [], allowedEmails: [] };

    expect(accountRefusal(verified('ana@acme.com'), empty)).toBe('account-not-allowed');
    expect(accountRefusal(verified('guest@partner.test'), empty)).toBe('account-not-allowed');
  });
});
