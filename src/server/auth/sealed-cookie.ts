/**
 * Values the viewer hands the browser to keep and give back unchanged: encrypted and authenticated
 * (JWE, direct A256GCM, with jose) under a key derived from VIEWER_SESSION_SECRET, so the browser
 * can neither read nor alter them, and every copy of the server that shares the secret opens them.
 * A value is sealed for one purpose (the session, a sign-in under way) and opens for no other.
 */
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt, type JWTPayload } from 'jose';

export type Opened = { claims: JWTPayload } | { problem: 'expired' | 'invalid' };

export interface Sealer {
  seal: (purpose: string, claims: JWTPayload, expiresAtSeconds: number) => Promise<string>;
  open: (purpose: string, sealed: string, nowSeconds: number) => Promise<Opened>;
}

export function createSealer(secret: string): Sealer {
  const key = new Uint8Array(hkdfSync('sha256', secret, '', 'conversation-viewer cookies', 32));
  return {
    seal: (purpose, claims, expiresAtSeconds) =>
      new EncryptJWT(claims)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setAudience(purpose)
        .setExpirationTime(expiresAtSeconds)
        .encrypt(key),
    async open(purpose, sealed, nowSeconds) {
      try {
        const { payload } = await jwtDecrypt(sealed, key, {
          audience: purpose,
          currentDate: new Date(nowSeconds * 1000),
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        return { claims: payload };
      } catch (error) {
        // jose checks the expiry only once the value has proved authentic.
        return { problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
