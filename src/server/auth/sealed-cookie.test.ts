// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSealer } from './sealed-cookie';

const secret = 'a-session-secret-of-at-least-32-characters';
const otherSecret = 'another-session-secret-of-32-characters!!';
const now = 1_700_000_000;
const inAnHour = now + 3_600;
const claims = { email: 'ana.secret@acme.test', name: 'Ana Confidential', role: 'agent' };

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The value with its character at `index` changed. A base64url character is swapped for the one
 * whose top bit differs, a bit that always reaches the decoded bytes (the low bits of a
 * segment's last character may be padding).
 */
function changedAt(value: string, index: number): string {
  const character = value[index]!;
  const position = BASE64URL.indexOf(character);
  const replacement = position === -1 ? 'A' : BASE64URL[position ^ 32]!;
  return `${value.slice(0, index)}${replacement}${value.slice(index + 1)}`;
}

describe('sealed cookie values', () => {
  it('opens a value with the secret and purpose it was sealed with', async () => {
    const sealer = createSealer(secret);
    const sealed = await sealer.seal('session', claims, inAnHour);

    const opened = await sealer.open('session', sealed, now);

    expect(opened).toMatchObject({ claims: { ...claims, exp: inAnHour } });
  });

  it('opens on another copy of the server that shares the secret', async () => {
    const sealed = await createSealer(secret).seal('session', claims, inAnHour);

    const opened = await createSealer(secret).open('session', sealed, now);

    expect(opened).toMatchObject({ claims });
  });

  it('shows none of the claims in its text, not even in its base64-decoded parts', async () => {
    const sealed = await createSealer(secret).seal('session', claims, inAnHour);
    const decodedParts = sealed
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'));

    for (const text of [sealed, ...decodedParts]) {
      expect(text).not.toContain('ana.secret');
      expect(text).not.toContain('acme.test');
      expect(text).not.toContain('Confidential');
      expect(text).not.toContain('agent');
    }
  });

  it('does not open for another purpose than the one it was sealed for', async () => {
    const sealer = createSealer(secret);
    const sealed = await sealer.seal('sign-in', claims, inAnHour);

    expect(await sealer.open('session', sealed, now)).toEqual({ problem: 'invalid' });
    expect(await sealer.open('sign-in', sealed, now)).toMatchObject({ claims });
  });

  it('calls a value sealed with another secret invalid', async () => {
    const sealed = await createSealer(otherSecret).seal('session', claims, inAnHour);

    expect(await createSealer(secret).open('session', sealed, now)).toEqual({ problem: 'invalid' });
  });

  it('calls a value sealed with another secret invalid even past its expiry, never expired', async () => {
    const sealed = await createSealer(otherSecret).seal('session', claims, now + 60);

    expect(await createSealer(secret).open('session', sealed, now + 120)).toEqual({
      problem: 'invalid',
    });
  });

  it('calls a value with any single character changed invalid', async () => {
    const sealer = createSealer(secret);
    const sealed = await sealer.seal('session', claims, inAnHour);

    const problems = new Set<string>();
    for (let index = 0; index < sealed.length; index++) {
      const changed = changedAt(sealed, index);
      expect(changed).not.toBe(sealed);
      const opened = await sealer.open('session', changed, now);
      problems.add('problem' in opened ? opened.problem : `opened with character ${index} changed`);
    }

    expect([...problems]).toEqual(['invalid']);
  });

  it('calls a value that is no sealed value at all invalid', async () => {
    const sealer = createSealer(secret);

    expect(await sealer.open('session', '', now)).toEqual({ problem: 'invalid' });
    expect(await sealer.open('session', 'not.a.sealed.value.at-all', now)).toEqual({
      problem: 'invalid',
    });
  });

  it('opens until its expiry and calls it expired once past it', async () => {
    const sealer = createSealer(secret);
    const expiresAt = now + 60;
    const sealed = await sealer.seal('session', claims, expiresAt);

    expect(await sealer.open('session', sealed, expiresAt - 1)).toMatchObject({ claims });
    expect(await sealer.open('session', sealed, expiresAt + 1)).toEqual({ problem: 'expired' });
  });
});
