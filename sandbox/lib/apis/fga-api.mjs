// The OpenFGA stand-in's HTTP API, in the shape of the real OpenFGA API (v1.8)
// so that an OpenFGA client can talk to it unchanged; the API URL is the
// issuer (discovery: countersign_fga_api_url, countersign_fga_store_id):
//
//   POST /stores/{store_id}/check        {"tuple_key", "contextual_tuples"?, "authorization_model_id"?}
//                                        -> {"allowed", "resolution": ""}
//   POST /stores/{store_id}/batch-check  {"checks": [{"tuple_key", "correlation_id", "contextual_tuples"?}], ...}
//                                        -> {"result": {"<correlation_id>": {"allowed"} | {"allowed": false, "error"}}}
//   POST /stores/{store_id}/write        {"writes"?: {"tuple_keys"}, "deletes"?: {"tuple_keys"}} -> {}
//   POST /stores/{store_id}/read         {"tuple_key"?: {partial}} -> {"tuples": [{"key", "timestamp"}], "continuation_token": ""}
//
// Authentication is OpenFGA's pre-shared key method. Errors are OpenFGA's
// `{"code", "message"}`: 401 unauthenticated, 404 store_id_not_found /
// undefined_endpoint, 400 validation_error, authorization_model_not_found,
// cannot_allow_duplicate_tuples_in_one_request, write_failed_due_to_invalid_input.
import { createHash, timingSafeEqual } from 'node:crypto';

import {
  bearerToken, HttpError, matchRoute, readJson, requireObject, sendError, sendJson,
} from '../http-api.mjs';
import {
  checkKey, FGA_MODEL_ID, FGA_STORE_ID, fgaError, isAllowed, MAX_TUPLES_PER_WRITE, tupleToStore,
} from './fga.mjs';

// ============================================================================
// DEMO ONLY. The pre-shared key of the OpenFGA stand-in: a public, hard-coded
// test fixture (like the client secrets in clients.mjs). Never reuse it.
// ============================================================================
export const FGA_API_KEY = 'demo-fga-key';

const MAX_CHECKS_PER_BATCH = 50; // OpenFGA's default limit
const CORRELATION_ID = /^[\w-]{1,36}$/;

const validationError = (message) => fgaError(400, 'validation_error', message);
const digest = (value) => createHash('sha256').update(String(value), 'utf8').digest();

// OpenFGA's error body. The shared HTTP helpers speak OAuth's words for
// their own failures; these are OpenFGA's for the same things.
const FGA_CODES = { server_error: 'internal_error', invalid_request: 'validation_error' };
const fgaErrorBody = (code, message) => ({ code: FGA_CODES[code] ?? code, message });

function authenticate(req) {
  const token = bearerToken(req);
  // Constant-time over digests: the comparison takes as long whatever was sent.
  if (!token || !timingSafeEqual(digest(token), digest(FGA_API_KEY))) {
    throw fgaError(401, 'unauthenticated', token ? 'unauthenticated' : 'missing bearer token');
  }
}

function object(value, what) {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validationError(`${what} must be an object`);
  return value;
}

function array(value, what, { max }) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw validationError(`${what} must be an array`);
  if (value.length > max) throw validationError(`${what} may have at most ${max} items`);
  return value;
}

// Every request body may name the model; there is exactly one.
function checkModel(body) {
  const id = body.authorization_model_id;
  if (id !== undefined && id !== '' && id !== FGA_MODEL_ID) {
    throw fgaError(400, 'authorization_model_not_found', `Authorization Model '${id}' not found`);
  }
}

function contextualTuples(value) {
  const keys = array(object(value, 'contextual_tuples').tuple_keys, 'contextual_tuples.tuple_keys', { max: MAX_TUPLES_PER_WRITE });
  return keys.map((key, i) => tupleToStore(key, `contextual_tuples.tuple_keys[${i}]`));
}

/** Returns a handler `(req, res, url) => void` for /stores and below. */
export function createFgaRoutes({ tuples, log = () => {} }) {
  function check(body) {
    checkModel(body);
    const key = checkKey(body.tuple_key);
    return { allowed: isAllowed(tuples.lookup(contextualTuples(body.contextual_tuples)), key), resolution: '' };
  }

  // One item's input errors answer that item, not the whole batch (as in OpenFGA).
  function batchCheck(body) {
    checkModel(body);
    const checks = array(body.checks, 'checks', { max: MAX_CHECKS_PER_BATCH });
    if (!checks.length) throw validationError('checks must have at least 1 item');
    const result = {};
    checks.forEach((item, i) => {
      const id = object(item, `checks[${i}]`).correlation_id;
      if (typeof id !== 'string' || !CORRELATION_ID.test(id)) {
        throw validationError(`checks[${i}].correlation_id must be 1 to 36 letters, digits, '_' or '-'`);
      }
      if (Object.hasOwn(result, id)) throw validationError(`duplicate correlation_id '${id}'`);
      try {
        const key = checkKey(item.tuple_key, `checks[${i}].tuple_key`);
        result[id] = { allowed: isAllowed(tuples.lookup(contextualTuples(item.contextual_tuples)), key) };
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        result[id] = { allowed: false, error: { input_error: err.error, message: err.message } };
      }
    });
    return { result };
  }

  async function write(body) {
    checkModel(body);
    const writes = array(object(body.writes, 'writes').tuple_keys, 'writes.tuple_keys', { max: MAX_TUPLES_PER_WRITE })
      .map((key, i) => tupleToStore(key, `writes.tuple_keys[${i}]`));
    const deletes = array(object(body.deletes, 'deletes').tuple_keys, 'deletes.tuple_keys', { max: MAX_TUPLES_PER_WRITE })
      .map((key, i) => tupleToStore(key, `deletes.tuple_keys[${i}]`));
    if (!writes.length && !deletes.length) throw validationError('a write request needs writes or deletes');
    if (writes.length + deletes.length > MAX_TUPLES_PER_WRITE) {
      throw validationError(`a write request may change at most ${MAX_TUPLES_PER_WRITE} tuples`);
    }
    const seen = new Set();
    for (const key of [...writes, ...deletes]) {
      const text = JSON.stringify(key);
      if (seen.has(text)) {
        const tuple = `${key.object}#${key.relation}@${key.user}`;
        throw fgaError(400, 'cannot_allow_duplicate_tuples_in_one_request', `duplicate tuple in a write request: ${tuple}`);
      }
      seen.add(text);
    }
    await tuples.write({ writes, deletes });
    return {};
  }

  function read(body) {
    const filter = object(body.tuple_key, 'tuple_key');
    for (const name of ['user', 'relation', 'object']) {
      if (filter[name] !== undefined && typeof filter[name] !== 'string') throw validationError(`tuple_key.${name} must be a string`);
    }
    const found = tuples.read({ user: filter.user, relation: filter.relation, object: filter.object });
    // Everything in one page: the store is small.
    return { tuples: found.map(({ key, timestamp }) => ({ key, timestamp })), continuation_token: '' };
  }

  const operation = (name, handler) => ({ method: 'POST', path: new RegExp(`^/stores/([^/]+)/${name}$`), handler });
  const routes = [
    operation('check', check),
    operation('batch-check', batchCheck),
    operation('write', write),
    operation('read', read),
  ];

  async function handle(req, res, pathname) {
    authenticate(req);
    const route = matchRoute(routes, req.method, pathname);
    if (!route) throw fgaError(404, 'undefined_endpoint', 'Not Found');
    if (route.params[0] !== FGA_STORE_ID) throw fgaError(404, 'store_id_not_found', 'store_id not found');
    // readJson's and requireObject's invalid_request reads validation_error here (fgaErrorBody).
    const body = requireObject(await readJson(req));
    sendJson(res, 200, await route.handler(body));
  }

  return function fgaRoutes(req, res, url) {
    handle(req, res, url.pathname).catch((err) => sendError(res, err, {
      log, what: `fga: ${req.method} ${url.pathname}`, errorBody: fgaErrorBody,
    }));
  };
}
