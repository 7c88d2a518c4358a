// The documents API (resource https://api.sandbox.countersign.dev/docs, scope
// docs:read): a retriever, in the role of a vector store or search index.
//
//   GET /api/docs/search?q=TEXT   {"documents": [{"id", "title", "snippet"}]}
//   GET /api/docs/{id}            {"id", "title", "text"}
//
// It returns EVERY matching document whoever asks: deciding which of them
// the user may read is the client's job, through the OpenFGA stand-in
// (batch-check `user:<sub>` `viewer` `doc:<id>`), as in Auth0's FGARetriever.
// That is the point of the demo, not an oversight.
import { bearerAuthenticator, HttpError } from '../http-api.mjs';
import { DOCS_API } from '../resources.mjs';
import { DOCUMENTS, findDocument } from './documents.mjs';

const MAX_QUERY_LENGTH = 200;
const SNIPPET_CONTEXT = 60; // characters either side of the first match in the text

// The text around the first match in the body (or its start, when only the
// title matched), with an ellipsis where it was cut.
function snippetOf(text, needle) {
  const at = text.toLowerCase().indexOf(needle);
  const from = at < 0 ? 0 : Math.max(0, at - SNIPPET_CONTEXT);
  const to = at < 0 ? 2 * SNIPPET_CONTEXT : at + needle.length + SNIPPET_CONTEXT;
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Case-insensitive substring search over titles and texts. */
export function searchDocuments(query) {
  const needle = query.toLowerCase();
  return DOCUMENTS
    .filter((doc) => doc.title.toLowerCase().includes(needle) || doc.text.toLowerCase().includes(needle))
    .map((doc) => ({ id: doc.id, title: doc.title, snippet: snippetOf(doc.text, needle) }));
}

/** The documents API's routes (apis/index.mjs). */
export function docsRoutes({ verify }) {
  const authenticate = bearerAuthenticator({ verify, audience: DOCS_API, scope: 'docs:read' });

  async function search({ req, url }) {
    await authenticate(req);
    const query = (url.searchParams.get('q') ?? '').trim();
    if (!query) throw new HttpError(400, 'invalid_request', 'q must not be empty');
    if (query.length > MAX_QUERY_LENGTH) throw new HttpError(400, 'invalid_request', `q may have at most ${MAX_QUERY_LENGTH} characters`);
    return { body: { documents: searchDocuments(query) } };
  }

  async function read({ req, params: [id] }) {
    await authenticate(req);
    const doc = findDocument(id);
    if (!doc) throw new HttpError(404, 'not_found', 'no such document');
    return { body: { id: doc.id, title: doc.title, text: doc.text } };
  }

  // search first: /api/docs/search is not a document.
  return [
    { method: 'GET', path: /^\/api\/docs\/search$/, handler: search },
    { method: 'GET', path: /^\/api\/docs\/([^/]+)$/, handler: read },
  ];
}
