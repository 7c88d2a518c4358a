// Signing keys and cookie keys, generated on first start and kept under
// DATA/keys/ so that a restart keeps issuing (and accepting) the same tokens
// and cookies. Losing them would invalidate every ID token, JWT access token
// and session cookie handed out before.
//
//   keys/rs256.jwk.json   RSA 2048 private JWK, alg RS256: ID tokens (default)
//   keys/es256.jwk.json   EC P-256 private JWK, alg ES256: JWT access tokens
//   keys/cookies.json     ["<random>", ...]: keygrip keys signing cookies
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { calculateJwkThumbprint } from 'jose';

import { writeFileAtomic } from './atomic-file.mjs';

const KEY_SPECS = [
  { file: 'rs256.jwk.json', alg: 'RS256', generate: () => generateKeyPairSync('rsa', { modulusLength: 2048 }) },
  { file: 'es256.jwk.json', alg: 'ES256', generate: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }) },
];

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${file}: ${err.message}`);
  }
}

async function loadOrCreateJwk(dir, { file, alg, generate }) {
  const target = path.join(dir, file);
  const existing = await readJson(target);
  if (existing) {
    if (existing.alg !== alg || !existing.d) throw new Error(`${target}: expected a private ${alg} JWK`);
    return existing;
  }
  const { privateKey } = generate();
  const jwk = privateKey.export({ format: 'jwk' });
  // kid = RFC 7638 thumbprint: stable, and unique per key without bookkeeping.
  const kid = await calculateJwkThumbprint(jwk);
  const full = { ...jwk, kid, alg, use: 'sig' };
  await writeFileAtomic(target, `${JSON.stringify(full, null, 2)}\n`, { durable: true });
  return full;
}

async function loadOrCreateCookieKeys(dir) {
  const target = path.join(dir, 'cookies.json');
  const existing = await readJson(target);
  if (existing) {
    if (!Array.isArray(existing) || existing.length === 0 || existing.some((k) => typeof k !== 'string')) {
      throw new Error(`${target}: expected a non-empty array of strings`);
    }
    return existing;
  }
  const keys = [randomBytes(32).toString('base64url')];
  await writeFileAtomic(target, `${JSON.stringify(keys)}\n`, { durable: true });
  return keys;
}

/** Returns { jwks: { keys: [RS256 JWK, ES256 JWK] }, cookieKeys: [...] }. */
export async function loadOrCreateKeys(dataDir) {
  const dir = path.join(dataDir, 'keys');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keys = [];
  for (const spec of KEY_SPECS) keys.push(await loadOrCreateJwk(dir, spec));
  return { jwks: { keys }, cookieKeys: await loadOrCreateCookieKeys(dir) };
}
