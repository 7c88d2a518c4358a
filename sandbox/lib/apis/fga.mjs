// The OpenFGA stand-in's store: one fixed store with one fixed authorization
// model, its relationship tuples (kept in DATA/fga.json) and the check
// algorithm for that model. HTTP, in OpenFGA's own API shape: fga-api.mjs.
//
// The model, in OpenFGA's DSL:
//
//   model
//     schema 1.1
//   type user
//   type doc
//     relations
//       define owner: [user]
//       define viewer: [user] or owner
import { HttpError } from '../http-api.mjs';
import { JsonFileStore } from '../json-file-store.mjs';
import { DOCUMENTS } from './documents.mjs';

// Fixed ids, so the app and its tests can rely on them (discovery also names
// the store: countersign_fga_store_id). Both are 26 characters like a ULID,
// but the store id as agreed has two 'O's, which Crockford's base32 lacks:
// a client that checks store ids strictly as ULIDs would refuse it. The
// model id is a well-formed ULID.
export const FGA_STORE_ID = '01JSANDBXFGASTRE0000000000';
export const FGA_MODEL_ID = '01JSANDBXFGAMDE00000000001';

const FORMAT_VERSION = 1;
export const MAX_TUPLES_PER_WRITE = 100; // OpenFGA's default limit

// type -> relation -> { types: directly assignable user types, impliedBy:
// relations that imply this one on the same object ("or owner") }.
const MODEL = {
  user: {},
  doc: {
    owner: { types: ['user'], impliedBy: [] },
    viewer: { types: ['user'], impliedBy: ['owner'] },
  },
};

/** An OpenFGA error: `{"code", "message"}` with `status` (fga-api.mjs renders it). */
export const fgaError = (status, code, message) => new HttpError(status, code, message);
const validationError = (message) => fgaError(400, 'validation_error', message);

const OBJECT = /^([^\s:#]+):([^\s#]*)$/; // type:id (id may be empty in a read filter: "doc:")
const USER = /^([^\s:#]+):([^\s#]+)$/; // type:id; usersets (type:id#relation) are not in this model

const tupleText = ({ user, relation, object }) => `${object}#${relation}@${user}`;
const keyOf = ({ user, relation, object }) => JSON.stringify([user, relation, object]);

function requireType(type) {
  if (!Object.hasOwn(MODEL, type)) throw validationError(`type '${type}' not found`);
}

// { user, relation, object } as strings, nothing else; `what` names it in errors.
function tupleKeyOf(value, what) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validationError(`${what} is required`);
  const { user, relation, object } = value;
  for (const [name, field] of Object.entries({ user, relation, object })) {
    if (typeof field !== 'string' || field === '') throw validationError(`${what}.${name} must be a non-empty string`);
  }
  if (value.condition !== undefined) throw validationError('conditions are not supported by this store');
  return { user, relation, object };
}

// The object's type and the relation's definition; validation errors as OpenFGA words them.
function relationOf({ relation, object }) {
  const match = OBJECT.exec(object);
  if (!match || !match[2]) throw validationError(`invalid 'object' field format: '${object}'`);
  requireType(match[1]);
  const definition = Object.hasOwn(MODEL[match[1]], relation) ? MODEL[match[1]][relation] : undefined;
  if (!definition) throw validationError(`relation '${match[1]}#${relation}' not found`);
  return definition;
}

/** A tuple key of a check: well-formed, of known types and relations. */
export function checkKey(value, what = 'tuple_key') {
  const key = tupleKeyOf(value, what);
  relationOf(key);
  const user = USER.exec(key.user);
  if (!user) throw validationError(`invalid 'user' field format: '${key.user}'`);
  requireType(user[1]);
  return key;
}

/** A tuple key to store (write, delete, contextual tuple): it must also fit the model's type restrictions. */
export function tupleToStore(value, what = 'tuple_key') {
  const key = checkKey(value, what);
  const [type, id] = key.user.split(':');
  if (!relationOf(key).types.includes(type) || id === '*') {
    const relation = `${key.object.split(':')[0]}#${key.relation}`;
    throw validationError(`Invalid tuple '${tupleText(key)}'. Reason: type '${type}' is not an allowed type restriction for '${relation}'`);
  }
  return key;
}

/**
 * Whether `user` has `relation` to `object`, given `has(tupleKey)`: a direct
 * tuple, or a relation that implies it ("viewer: [user] or owner").
 */
export function isAllowed(has, { user, relation, object }) {
  if (has({ user, relation, object })) return true;
  return relationOf({ relation, object }).impliedBy.some((implied) => isAllowed(has, { user, relation: implied, object }));
}

/** The seed: every demo document's owner and viewer tuples (documents.mjs). */
function seedTuples(timestamp) {
  return DOCUMENTS.flatMap((doc) => [
    { user: `user:${doc.owner}`, relation: 'owner', object: `doc:${doc.id}` },
    ...doc.viewers.map((viewer) => ({ user: `user:${viewer}`, relation: 'viewer', object: `doc:${doc.id}` })),
  ]).map((key) => ({ key, timestamp }));
}

// Whether a stored key matches a read filter: each member given must equal,
// and an object of the form "type:" matches every object of that type.
function matchesFilter(key, filter) {
  if (filter.user !== undefined && key.user !== filter.user) return false;
  if (filter.relation !== undefined && key.relation !== filter.relation) return false;
  if (filter.object !== undefined) {
    return filter.object.endsWith(':') ? key.object.startsWith(filter.object) : key.object === filter.object;
  }
  return true;
}

/** The store's tuples, in DATA/fga.json: {"version", "tuples": [{"key", "timestamp"}]} in write order. */
export class TupleStore {
  #store;

  constructor(store) {
    this.#store = store;
  }

  static async open(file) {
    const store = new TupleStore(await JsonFileStore.open(file, {
      initial: () => ({ version: FORMAT_VERSION, tuples: seedTuples(new Date().toISOString()) }),
      isValid: (state) => state?.version === FORMAT_VERSION && Array.isArray(state.tuples),
      what: `an OpenFGA tuple store (version ${FORMAT_VERSION})`,
      reset: 'go back to the seed tuples',
    }));
    await store.#store.transact(() => {}); // the seed and its timestamps are on disk from the first start
    return store;
  }

  /** `has(tupleKey)` over the stored tuples plus `contextual` ones (for one check only). */
  lookup(contextual = []) {
    const keys = new Set([...this.#store.state.tuples.map((tuple) => keyOf(tuple.key)), ...contextual.map(keyOf)]);
    return (key) => keys.has(keyOf(key));
  }

  /** Stored tuples matching `filter` ({ user?, relation?, object? }). */
  read(filter = {}) {
    return this.#store.state.tuples.filter((tuple) => matchesFilter(tuple.key, filter));
  }

  /**
   * Applies deletes and writes (validated keys) at once, or nothing: writing a
   * tuple that exists, or deleting one that does not, fails the whole request
   * (as in OpenFGA).
   */
  write({ writes, deletes }) {
    return this.#store.transact((draft) => {
      const present = new Set(draft.tuples.map((tuple) => keyOf(tuple.key)));
      for (const key of deletes) {
        if (!present.has(keyOf(key))) throw writeFailed(`cannot delete a tuple which does not exist: ${describe(key)}`);
        present.delete(keyOf(key));
      }
      for (const key of writes) {
        if (present.has(keyOf(key))) throw writeFailed(`cannot write a tuple which already exists: ${describe(key)}`);
      }
      const deleted = new Set(deletes.map(keyOf));
      const timestamp = new Date().toISOString();
      draft.tuples = [
        ...draft.tuples.filter((tuple) => !deleted.has(keyOf(tuple.key))),
        ...writes.map((key) => ({ key, timestamp })),
      ];
    });
  }

  close() {
    return this.#store.close();
  }
}

const describe = ({ user, relation, object }) => `user: '${user}', relation: '${relation}', object: '${object}'`;
const writeFailed = (message) => fgaError(400, 'write_failed_due_to_invalid_input', `${message}: invalid write input`);
