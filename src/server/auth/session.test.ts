// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSealer } from './sealed-cookie';
import { createSessions, type Identity } from './session';

const secret = 'a-session-secret-of-at-least-32-characters';
const signInAt = 1_700_000_000;
const lifetimeSeconds = 8 * 60 * 60;
const idleSeconds = 30 * 60;
const identity: Identity = { email: 'ana@acme.test', emailVerified: true, name: 'Ana' };

/** Sessions on a clock the test moves by hand, in seconds. */
function sessionsOnAClock() {
  const clock = { seconds: signInAt };
  const sealer = createSealer(secret);
  const sessions = createSessions({
    sealer,
    lifetimeSeconds,
    idleSeconds,
    now: () => clock.seconds,
  });
  return { clock, sealer, sessions };
}

describe('sessions', () => {
  it('reads a started session back with its identity and times', async () => {
    const { sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start(identity);

    const read = await sessions.read(sealed);

    expect(read).toEqual({
      session: {
        ...identity,
        signedInAt: signInAt,
        seenAt: signInAt,
        expiresAt: signInAt + lifetimeSeconds,
      },
    });
  });

  it('keeps a name that is absent as null', async () => {
    const { sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start({ ...identity, name: null });

    const read = await sessions.read(sealed);

    expect(read).toMatchObject({ session: { name: null } });
  });

  it('says there is none when there is no cookie', async () => {
    const { sessions } = sessionsOnAClock();

    expect(await sessions.read(undefined)).toEqual({ problem: 'none' });
    expect(await sessions.read('')).toEqual({ problem: 'none' });
  });

  it('shows none of the identity in the cookie value', async () => {
    const { sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start(identity);
    const decodedParts = sealed
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'));

    for (const text of [sealed, ...decodedParts]) expect(text).not.toContain('ana@acme.test');
  });

  it('ends at the absolute lifetime even when used all along', async () => {
    const { clock, sessions } = sessionsOnAClock();
    let { sealed } = await sessions.start(identity);

    // A use every ten minutes, well within the idle time, up to the last second of the lifetime.
    while (clock.seconds + 10 * 60 < signInAt + lifetimeSeconds) {
      clock.seconds += 10 * 60;
      const read = await sessions.read(sealed);
      if (!('session' in read)) throw new Error(`refused at ${clock.seconds}: ${read.problem}`);
      expect(read.session.expiresAt).toBe(signInAt + lifetimeSeconds);
      sealed = read.resealed ?? sealed;
    }
    clock.seconds = signInAt + lifetimeSeconds - 1;
    expect(await sessions.read(sealed)).toMatchObject({ session: { email: identity.email } });

    clock.seconds = signInAt + lifetimeSeconds + 1;
    expect(await sessions.read(sealed)).toEqual({ problem: 'expired' });
  });

  it('ends as idle when unused for longer than the idle time', async () => {
    const { clock, sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start(identity);

    clock.seconds = signInAt + idleSeconds - 1;
    expect(await sessions.read(sealed)).toMatchObject({ session: { email: identity.email } });

    clock.seconds = signInAt + idleSeconds + 1;
    expect(await sessions.read(sealed)).toEqual({ problem: 'idle' });
  });

  it('does not reseal a use within the first minute', async () => {
    const { clock, sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start(identity);

    clock.seconds = signInAt + 30;
    const read = await sessions.read(sealed);

    expect(read).toMatchObject({ session: { seenAt: signInAt } });
    expect(read).not.toHaveProperty('resealed');
  });

  it('reseals a later use, and the resealed value reads with the new time of use', async () => {
    const { clock, sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start(identity);

    clock.seconds = signInAt + 5 * 60;
    const read = await sessions.read(sealed);
    if (!('session' in read)) throw new Error(`refused: ${read.problem}`);

    expect(read.session.seenAt).toBe(signInAt + 5 * 60);
    expect(typeof read.resealed).toBe('string');
    expect(read.resealed).not.toBe(sealed);
    expect(await sessions.read(read.resealed)).toEqual({
      session: {
        ...identity,
        signedInAt: signInAt,
        seenAt: signInAt + 5 * 60,
        expiresAt: signInAt + lifetimeSeconds,
      },
    });
  });

  it('keeps a resealed session alive past the idle time counted from sign-in', async () => {
    const { clock, sessions } = sessionsOnAClock();
    const { sealed } = await sessions.start(identity);

    clock.seconds = signInAt + idleSeconds - 60;
    const used = await sessions.read(sealed);
    if (!('session' in used) || !used.resealed) throw new Error('expected a resealed session');

    clock.seconds = signInAt + idleSeconds + 60;
    expect(await sessions.read(used.resealed)).toMatchObject({
      session: { email: identity.email },
    });
    // The cookie from before that use has been idle all the while.
    expect(await sessions.read(sealed)).toEqual({ problem: 'idle' });
  });

  it('calls a cookie sealed for another purpose invalid', async () => {
    const { sealer, sessions } = sessionsOnAClock();
    const sealed = await sealer.seal(
      'sign-in',
      { email: 'ana@acme.test', ev: true, name: 'Ana', iat: signInAt, seen: signInAt },
      signInAt + lifetimeSeconds,
    );

    expect(await sessions.read(sealed)).toEqual({ problem: 'invalid' });
  });

  it.each([
    ['an e-mail that is a number', { email: 42 }],
    ['a verification that is a string', { ev: 'true' }],
    ['a name that is a number', { name: 7 }],
    ['no time of sign-in', { iat: undefined }],
    ['no time of last use', { seen: undefined }],
    ['a time of last use that is a string', { seen: String(signInAt) }],
  ])('calls a session cookie with %s invalid', async (_, wrong) => {
    const { sealer, sessions } = sessionsOnAClock();
    const claims: Record<string, unknown> = {
      email: 'ana@acme.test',
      ev: true,
      name: 'Ana',
      iat: signInAt,
      seen: signInAt,
      ...wrong,
    };
    for (const [key, value] of Object.entries(claims)) if (value === undefined) delete claims[key];
    const sealed = await sealer.seal('session', claims, signInAt + lifetimeSeconds);

    expect(await sessions.read(sealed)).toEqual({ problem: 'invalid' });
  });

  it('reads a cookie of the right shape sealed the same way (the wrong-shape cases differ in one claim only)', async () => {
    const { sealer, sessions } = sessionsOnAClock();
    const sealed = await sealer.seal(
      'session',
      { email: 'ana@acme.test', ev: true, name: 'Ana', iat: signInAt, seen: signInAt },
      signInAt + lifetimeSeconds,
    );

    expect(await sessions.read(sealed)).toMatchObject({
      session: { email: 'ana@acme.test', emailVerified: true },
    });
  });
});
