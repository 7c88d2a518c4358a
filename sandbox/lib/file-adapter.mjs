// Persistent storage adapter for oidc-provider.
//
// oidc-provider talks to storage through an "adapter": a class constructed once
// per model name (Session, Grant, AccessToken, RefreshToken, Interaction, ...)
// with upsert/find/findByUid/findByUserCode/consume/destroy/revokeByGrantId.
// The built-in memory adapter loses everything on restart and drops records the
// moment they expire; we need the opposite on both counts:
//
//  * Restarting the sandbox with the same --data directory must keep sessions,
//    grants and refresh tokens, so every record is written to its own JSON file
//    (write temp + rename, see atomic-file.mjs).
//  * Expired records are kept for a while (RETAIN_EXPIRED_SECONDS). oidc-provider
//    checks the `exp` claim of every stored payload itself, and it deliberately
//    looks records up with `ignoreExpiration` where it wants to answer with a
//    precise error (an expired refresh token, an expired device code ->
//    `expired_token`). If the adapter hid them, those lookups would degrade to
//    "not found" -> `invalid_grant`.
//
// How `find` honours expiry: a record is returned while it is within its
// lifetime, or after it only if its payload carries its own numeric `exp`
// (which oidc-provider verifies, so an expired record can never be used by
// accident). A record without `exp` is treated like the memory adapter treats
// it: gone once `expiresIn` + clockTolerance has passed. Past the retention
// window every record is deleted for good.
//
// All records are also held in memory (this is a single-process dev server:
// sandbox.json names the one process that owns a data directory), so reads never
// touch the disk and the secondary indexes (session uid, user code, grant id)
// are plain Maps rebuilt at load time.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { isTempName, writeFileAtomic } from './atomic-file.mjs';

export const RETAIN_EXPIRED_SECONDS = 24 * 60 * 60;
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

const epochNow = () => Math.floor(Date.now() / 1000);

// File names: ids that are already URL-safe (nanoids, our client id) are used
// as-is for readability; anything else is base64url-encoded behind a '~', which
// can never collide with a plain id because '~' is not in SAFE_ID.
function fileNameFor(id) {
  const name = SAFE_ID.test(id) ? id : `~${Buffer.from(id, 'utf8').toString('base64url')}`;
  return `${name}.json`;
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * Owns the records of one data directory. Create with `FileStore.open()`, hand
 * `store.adapterClass()` to oidc-provider as `adapter`, and `await store.close()`
 * on shutdown so pending writes reach the disk.
 */
export class FileStore {
  #dir;
  #clockTolerance;
  #retainMs;
  #records = new Map(); // `${model}\0${id}` -> { model, id, payload, expiresAt (ms) | null }
  #uidIndex = new Map(); // `${model}\0${uid}` -> id
  #userCodeIndex = new Map(); // `${model}\0${userCode}` -> id
  #grantIndex = new Map(); // `${model}\0${grantId}` -> Set<id>
  #writes = new Map(); // record key -> promise of the last queued write
  #sweeper;
  #log;

  constructor(dir, { clockTolerance = 0, retainExpiredSeconds = RETAIN_EXPIRED_SECONDS, log = () => {} } = {}) {
    this.#dir = dir;
    this.#clockTolerance = clockTolerance;
    this.#retainMs = retainExpiredSeconds * 1000;
    this.#log = log;
  }

  static async open(dir, options) {
    const store = new FileStore(dir, options);
    await store.#load();
    store.#sweeper = setInterval(() => store.sweep().catch((err) => store.#log(`sweep failed: ${err.message}`)), SWEEP_INTERVAL_MS);
    store.#sweeper.unref();
    return store;
  }

  /** The class oidc-provider instantiates as `new Adapter(modelName)`. */
  adapterClass() {
    const store = this;
    return class BoundFileAdapter extends FileAdapter {
      constructor(model) { super(model, store); }
    };
  }

  async close() {
    clearInterval(this.#sweeper);
    await Promise.allSettled([...this.#writes.values()]);
  }

  // ---- record access used by FileAdapter -------------------------------------

  get(model, id) {
    const rec = this.#records.get(`${model}\0${id}`);
    if (!rec) return undefined;
    const now = Date.now();
    if (rec.expiresAt !== null) {
      const expiredAt = rec.expiresAt + this.#clockTolerance * 1000;
      if (now >= rec.expiresAt + this.#retainMs) return undefined;
      if (now >= expiredAt && typeof rec.payload.exp !== 'number') return undefined;
    }
    return rec;
  }

  async put(model, id, payload, expiresIn) {
    const key = `${model}\0${id}`;
    const previous = this.#records.get(key);
    if (previous) this.#unindex(previous);
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null;
    const rec = { model, id, payload: clone(payload), expiresAt };
    this.#records.set(key, rec);
    this.#index(rec);
    await this.#flush(model, id);
  }

  async update(model, id, mutate) {
    const rec = this.#records.get(`${model}\0${id}`);
    if (!rec) return;
    mutate(rec.payload);
    await this.#flush(model, id);
  }

  async remove(model, id) {
    const key = `${model}\0${id}`;
    const rec = this.#records.get(key);
    if (!rec) return;
    this.#unindex(rec);
    this.#records.delete(key);
    await this.#flush(model, id);
  }

  idByUid(model, uid) { return this.#uidIndex.get(`${model}\0${uid}`); }

  idByUserCode(model, userCode) { return this.#userCodeIndex.get(`${model}\0${userCode}`); }

  idsByGrant(model, grantId) { return [...(this.#grantIndex.get(`${model}\0${grantId}`) ?? [])]; }

  /** Delete records past the retention window (memory and disk). */
  async sweep() {
    const now = Date.now();
    const doomed = [...this.#records.values()]
      .filter((rec) => rec.expiresAt !== null && now >= rec.expiresAt + this.#retainMs);
    await Promise.all(doomed.map((rec) => this.remove(rec.model, rec.id)));
  }

  // ---- internals -----------------------------------------------------------

  #index(rec) {
    const { model, id, payload } = rec;
    if (model === 'Session' && payload.uid) this.#uidIndex.set(`${model}\0${payload.uid}`, id);
    if (payload.userCode) this.#userCodeIndex.set(`${model}\0${payload.userCode}`, id);
    if (payload.grantId && model !== 'Grant') {
      const gk = `${model}\0${payload.grantId}`;
      if (!this.#grantIndex.has(gk)) this.#grantIndex.set(gk, new Set());
      this.#grantIndex.get(gk).add(id);
    }
  }

  #unindex(rec) {
    const { model, id, payload } = rec;
    const uk = `${model}\0${payload.uid}`;
    if (this.#uidIndex.get(uk) === id) this.#uidIndex.delete(uk);
    const ck = `${model}\0${payload.userCode}`;
    if (this.#userCodeIndex.get(ck) === id) this.#userCodeIndex.delete(ck);
    const gk = `${model}\0${payload.grantId}`;
    const members = this.#grantIndex.get(gk);
    if (members) {
      members.delete(id);
      if (members.size === 0) this.#grantIndex.delete(gk);
    }
  }

  #fileFor(model, id) {
    return path.join(this.#dir, model, fileNameFor(id));
  }

  // Writes for one record are chained so that two quick updates can never be
  // renamed into place out of order. Each write persists the record's state at
  // the time it runs (or deletes the file if the record is gone), so a later
  // write always wins. Errors reach the caller: oidc-provider then answers with
  // server_error instead of pretending something was stored.
  #flush(model, id) {
    const key = `${model}\0${id}`;
    const previous = this.#writes.get(key) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.#persist(model, id));
    this.#writes.set(key, next);
    const forget = () => { if (this.#writes.get(key) === next) this.#writes.delete(key); };
    next.then(forget, forget);
    return next;
  }

  async #persist(model, id) {
    const file = this.#fileFor(model, id);
    const rec = this.#records.get(`${model}\0${id}`);
    if (!rec) {
      await rm(file, { force: true });
      return;
    }
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const body = JSON.stringify({ id, expiresAt: rec.expiresAt, payload: rec.payload });
    await writeFileAtomic(file, body);
  }

  async #load() {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    const now = Date.now();
    for (const entry of await readdir(this.#dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const model = entry.name;
      const modelDir = path.join(this.#dir, model);
      for (const name of await readdir(modelDir)) {
        const file = path.join(modelDir, name);
        if (isTempName(name)) {
          // Left behind by a write that was interrupted before its rename.
          await rm(file, { force: true });
          continue;
        }
        if (!name.endsWith('.json')) continue;
        let parsed;
        try {
          parsed = JSON.parse(await readFile(file, 'utf8'));
        } catch (err) {
          this.#log(`ignoring unreadable record ${file}: ${err.message}`);
          continue;
        }
        const { id, expiresAt = null, payload } = parsed ?? {};
        if (typeof id !== 'string' || !payload || typeof payload !== 'object') {
          this.#log(`ignoring malformed record ${file}`);
          continue;
        }
        if (expiresAt !== null && now >= expiresAt + this.#retainMs) {
          await rm(file, { force: true });
          continue;
        }
        const rec = { model, id, payload, expiresAt };
        this.#records.set(`${model}\0${id}`, rec);
        this.#index(rec);
      }
    }
  }
}

/**
 * The adapter interface oidc-provider expects. Stateless apart from the model
 * name: all data lives in the shared FileStore. Every method returns/accepts
 * plain JSON payloads; `find*` return copies so callers cannot mutate the store
 * behind its back.
 */
export class FileAdapter {
  constructor(model, store) {
    if (!(store instanceof FileStore)) {
      throw new TypeError('FileAdapter needs a FileStore; use store.adapterClass()');
    }
    this.model = model;
    this.store = store;
  }

  async upsert(id, payload, expiresIn) {
    await this.store.put(this.model, id, payload, expiresIn);
  }

  async find(id) {
    if (typeof id !== 'string') return undefined;
    return clone(this.store.get(this.model, id)?.payload);
  }

  async findByUid(uid) {
    const id = this.store.idByUid(this.model, uid);
    return id === undefined ? undefined : this.find(id);
  }

  async findByUserCode(userCode) {
    const id = this.store.idByUserCode(this.model, userCode);
    return id === undefined ? undefined : this.find(id);
  }

  async consume(id) {
    await this.store.update(this.model, id, (payload) => { payload.consumed = epochNow(); });
  }

  async destroy(id) {
    await this.store.remove(this.model, id);
  }

  async revokeByGrantId(grantId) {
    await Promise.all(this.store.idsByGrant(this.model, grantId).map((id) => this.store.remove(this.model, id)));
  }
}
