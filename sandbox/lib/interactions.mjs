// Our own login and consent pages, built on oidc-provider's interaction API.
//
// Flow: /auth (oidc-provider) decides a prompt is needed, stores an Interaction,
// sets the `_interaction` cookie (path /interaction/<uid>) and redirects the
// browser to /interaction/<uid>. We render the page for the current prompt;
// the form posts back to the same URL; we record the result with
// provider.interactionFinished(), which 303-redirects to /auth/<uid> (resume),
// where oidc-provider continues (next prompt, or the redirect to the client).
//
// The `_interaction` cookie is SameSite=Lax and scoped to /interaction/<uid>,
// so a cross-site page cannot post these forms on the user's behalf (no CSRF
// token needed) and one interaction's cookie cannot drive another.
import { authenticate, displayName } from './accounts.mjs';
import {
  consentPage, errorPage, loginPage, messagePage, PAGE_CSP,
} from './html.mjs';
import { approvedDetails } from './rar.mjs';
import { describeScope } from './resources.mjs';

const MAX_FORM_BYTES = 16 * 1024;
const ROUTE = /^\/interaction\/([A-Za-z0-9_-]{1,100})\/?$/;

export const LOGIN_ERROR = 'Wrong user name or password.';

// An error answered with an HTML page: `status` and a message for people.
// Also used by the /connect pages (connect-pages.mjs), like sendPage() and readForm().
export class PageError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Answers with an HTML page (html.mjs) and the headers every page of the sandbox gets. */
export function sendPage(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(html);
}

/** The body of a form POST (application/x-www-form-urlencoded, at most 16 KiB). */
export async function readForm(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new PageError(415, 'Expected a form submission.');
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new PageError(413, 'Form too large.');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function splitScope(scope) {
  return String(scope ?? '').split(' ').filter(Boolean);
}

/**
 * Returns a request handler `(req, res) => boolean` that serves
 * /interaction/:uid and returns false for every other path.
 */
export function createInteractionRoutes(provider, { log = () => {} } = {}) {
  async function clientNameFor(clientId) {
    const client = await provider.Client.find(String(clientId));
    return client?.clientName || String(clientId);
  }

  async function showLogin(res, details, { login, error, status = 200 } = {}) {
    const clientName = await clientNameFor(details.params.client_id);
    sendPage(res, status, loginPage({ clientName, login, error }));
  }

  async function showConsent(res, details) {
    const { params, prompt, session } = details;
    const resources = { ...(prompt.details.missingResourceScopes ?? {}) };
    sendPage(res, 200, consentPage({
      clientName: await clientNameFor(params.client_id),
      userName: displayName(session?.accountId),
      scopes: splitScope(params.scope),
      resources,
      details: approvedDetails(params.authorization_details),
      describe: describeScope,
    }));
  }

  async function submitLogin(req, res, details) {
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    const accountId = authenticate(login, form.get('password') ?? '');
    if (!accountId) {
      log(`interaction ${details.uid}: login failed for ${JSON.stringify(login)}`);
      await showLogin(res, details, { login, error: LOGIN_ERROR });
      return;
    }
    log(`interaction ${details.uid}: ${accountId} signed in`);
    await provider.interactionFinished(req, res, {
      login: { accountId, amr: ['pwd'] },
    }, { mergeWithLastSubmission: false });
  }

  async function submitConsent(req, res, details) {
    const form = await readForm(req);
    const decision = form.get('decision');
    if (decision === 'deny') {
      log(`interaction ${details.uid}: consent denied`);
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The user denied the request.',
      }, { mergeWithLastSubmission: false });
      return;
    }
    if (decision !== 'allow') throw new PageError(400, 'Choose Allow or Deny.');

    const { prompt: { details: missing }, params, session } = details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (!grant) throw new PageError(400, 'The grant for this request no longer exists. Start again from the app.');

    // Grant exactly what the request still lacks. missingOIDCScope includes
    // offline_access when it was requested, which is what makes
    // oidc-provider's issueRefreshToken() hand out a refresh token.
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    // Authorization details (device flow only: the desktop client may send
    // none) are granted as the page showed them, IBANs normalised.
    if (missing.rar) approvedDetails(params.authorization_details).forEach((detail) => grant.addRar(detail));
    const grantId = await grant.save();
    log(`interaction ${details.uid}: consent given (grant ${grantId})`);
    // A non-empty `consent` result is also what satisfies oidc-provider's
    // native_client_prompt check (native clients always see this page).
    await provider.interactionFinished(req, res, {
      consent: details.grantId ? {} : { grantId },
    }, { mergeWithLastSubmission: true });
  }

  async function handle(req, res, uid) {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (err) {
      if (err.name === 'SessionNotFound') {
        throw new PageError(400, 'This sign-in request has expired or was already completed. Start again from the app.');
      }
      throw err;
    }
    // The cookie names the interaction this browser is in; the URL must agree.
    if (details.uid !== uid) throw new PageError(400, 'This sign-in page does not belong to the current request. Start again from the app.');

    const promptName = details.prompt.name;
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (promptName === 'login') return showLogin(res, details);
      if (promptName === 'consent') return showConsent(res, details);
    } else if (req.method === 'POST') {
      if (promptName === 'login') return submitLogin(req, res, details);
      if (promptName === 'consent') return submitConsent(req, res, details);
    } else {
      res.setHeader('Allow', 'GET, HEAD, POST');
      throw new PageError(405, 'Method not allowed.');
    }
    throw new PageError(400, `Unsupported interaction prompt: ${promptName}`);
  }

  return function interactionRoutes(req, res) {
    const { pathname } = new URL(req.url, 'http://sandbox.invalid');
    const match = ROUTE.exec(pathname);
    if (!match) return false;
    handle(req, res, match[1]).catch((err) => {
      const status = err instanceof PageError ? err.status : 500;
      if (status === 500) log(`interaction error: ${err.stack ?? err}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const { body } = status === 500
        ? messagePage('Something went wrong', 'Internal error in the sandbox; see its log.', 500)
        : { body: errorPage({ error: err.message }) };
      sendPage(res, status, body);
    });
    return true;
  };
}
