// The sandbox's HTML pages: login, consent, logout, errors, the device
// flow's /activate pages and the Token Vault stand-in's /connect pages.
// Plain server-rendered forms: no JavaScript, no external resources (a system
// browser driven by tests must not try to reach the network), a little inline
// CSS. Every interpolated value goes through esc().

// No scripts, no framing, no external loads: these pages take passwords.
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/** Answers a koa (oidc-provider) context with one of these pages. */
export function setHtml(ctx, body) {
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.body = body;
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2433;margin:0}
main{max-width:22rem;margin:3rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.3rem;margin:0 0 1rem}
.demo{font-size:.8rem;color:#8a5a00;background:#fff4d6;padding:.4rem .6rem;border-radius:4px}
label{display:block;margin:.8rem 0 .2rem;font-size:.9rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{margin-top:1rem;padding:.55rem 1rem;font-size:1rem;border-radius:4px;border:1px solid #2b59c3;background:#2b59c3;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2b59c3}
.error{color:#a4001d;background:#fde8eb;padding:.5rem .6rem;border-radius:4px}
.notice{background:#e8eefb;padding:.5rem .6rem;border-radius:4px}
.user-code{font-size:1.4rem;letter-spacing:.1rem}
#user_code{text-transform:uppercase;letter-spacing:.1rem}
ul{padding-left:1.2rem}
code{font-size:.85rem;overflow-wrap:anywhere}
`;

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - Countersign sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
${body}
<p class="demo">Countersign sandbox: DEMO ONLY. Test accounts, not a real identity provider.</p>
</main>
</body>
</html>
`;
}

/** Login form; posts back to the same URL (/interaction/:uid). */
export function loginPage({ clientName, login = '', error }) {
  return page('Sign in', `
<p>Sign in to continue to <strong>${esc(clientName)}</strong>.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" autocomplete="off">
<label for="login">User name</label>
<input id="login" name="login" type="text" value="${esc(login)}" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>`);
}

// An API scope with what it allows in words, where resources.mjs says.
function scopeWithWords(scope, describe) {
  const words = describe(scope);
  return `<code>${esc(scope)}</code>${words ? ` <span class="scope-description">(${esc(words)})</span>` : ''}`;
}

// "a.b: value" lines of an authorization details object, nested members
// flattened; `type` is the heading.
function detailLines(value, prefix = '') {
  if (typeof value !== 'object' || value === null) return [`${prefix}: ${value}`];
  return Object.entries(value).flatMap(([key, member]) => (prefix === '' && key === 'type'
    ? []
    : detailLines(member, prefix ? `${prefix}.${key}` : key)));
}

/** RFC 9396 authorization details as plain text, one list item per entry. */
function detailsList(details) {
  if (!details.length) return '';
  const items = details.map((detail) => `<li><strong>${esc(detail.type)}</strong>${
    detailLines(detail).map((line) => `<br>${esc(line)}`).join('')}</li>`).join('');
  return `<p>Details:</p><ul class="details">${items}</ul>`;
}

/**
 * Consent form. `scopes` are OpenID scopes, `resources` maps resource
 * indicator -> list of API scopes, `details` are the authorization details
 * asked for, `describe(scope)` says in words what an API scope allows (or
 * returns undefined).
 */
export function consentPage({
  clientName, userName, scopes, resources, details = [], describe = () => undefined,
}) {
  const scopeItems = scopes.map((s) => `<li><code>${esc(s)}</code></li>`).join('');
  const resourceItems = Object.entries(resources)
    .map(([indicator, list]) => `<li><code>${esc(indicator)}</code>: ${list.map((s) => scopeWithWords(s, describe)).join(', ')}</li>`)
    .join('');
  return page('Allow access?', `
<p><strong class="client">${esc(clientName)}</strong> wants to access your account${userName ? ` (<span class="user">${esc(userName)}</span>)` : ''}.</p>
${scopeItems ? `<p>Requested scopes:</p><ul class="scopes">${scopeItems}</ul>` : ''}
${resourceItems ? `<p>APIs:</p><ul class="resources">${resourceItems}</ul>` : ''}
${detailsList(details)}
<form method="post">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`);
}

/**
 * The device flow's code form (GET /activate). `error` and `notice` are
 * messages for the person; the form posts `xsrf` back with the code.
 */
export function activatePage({
  action, xsrf, userCode = '', error, notice,
}) {
  return page('Connect a device', `
<p>Enter the code that your device shows.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
${notice ? `<p class="notice" role="status">${esc(notice)}</p>` : ''}
<form method="post" action="${esc(action)}" autocomplete="off">
<input type="hidden" name="xsrf" value="${esc(xsrf)}">
<label for="user_code">Code</label>
<input id="user_code" name="user_code" type="text" value="${esc(userCode)}" placeholder="XXXX-XXXX" autocapitalize="characters" spellcheck="false" required autofocus>
<button type="submit">Continue</button>
</form>`);
}

/**
 * What the device asks for, with Approve / Cancel. `form` is oidc-provider's
 * hidden form (trusted markup: its values are escaped by oidc-provider) that
 * both buttons submit; Cancel adds abort=yes.
 */
export function deviceConfirmPage({
  clientName, userCode, scopes, resource, details, describe = () => undefined, form,
}) {
  const scopeItems = scopes.map((s) => `<li>${scopeWithWords(s, describe)}</li>`).join('');
  return page('Connect this device?', `
<p><strong class="client">${esc(clientName)}</strong> asks for access to your account.</p>
<p>Go on only if your device shows this code:</p>
<p class="user-code"><code>${esc(userCode)}</code></p>
${scopeItems ? `<p>Requested scopes:</p><ul class="scopes">${scopeItems}</ul>` : ''}
${resource ? `<p>API: <code class="resource">${esc(resource)}</code></p>` : ''}
${detailsList(details)}
${form}
<button type="submit" form="op.deviceConfirmForm">Approve</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes" class="secondary">Cancel</button>`);
}

export function deviceDonePage(clientName) {
  return page('Device connected', `
<p><strong class="client">${esc(clientName)}</strong> now has the access you approved.</p>
<p>Return to your device; you can close this page.</p>`);
}

/**
 * "Link a Google account" (GET /connect/:connection): what is being linked,
 * in words, and the sandbox sign-in (DEMO accounts) with Link / Unlink.
 * Posts back to the same URL with the form token `xsrf`.
 */
export function connectPage({
  provider, purpose, connection, xsrf, login = '', error,
}) {
  return page(`Link a ${provider} account`, `
<p>Link a <strong class="provider">${esc(provider)}</strong> account (demo, nothing talks to ${esc(provider)}) so apps can <strong class="purpose">${esc(purpose)}</strong>.</p>
<p class="notice">The sandbox only notes that your account is linked (connection <code>${esc(connection)}</code>); apps then get ${esc(provider)} tokens for you through the token exchange.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<p>Sign in to the sandbox to confirm it is you.</p>
<form method="post" autocomplete="off">
<input type="hidden" name="xsrf" value="${esc(xsrf)}">
<label for="login">User name</label>
<input id="login" name="login" type="text" value="${esc(login)}" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit" name="action" value="connect">Link account</button>
<button type="submit" name="action" value="disconnect" class="secondary">Unlink</button>
</form>`);
}

/** After a /connect form: `connected` true (linked) or false (unlinked). */
export function connectDonePage({ provider, userName, connected }) {
  if (connected) {
    return page(`${provider} account linked`, `
<p class="notice" role="status"><span class="user">${esc(userName)}</span>, your ${esc(provider)} account is linked (demo).</p>
<p>You can go back to Countersign and try again.</p>`);
  }
  return page(`${provider} account unlinked`, `
<p class="notice" role="status"><span class="user">${esc(userName)}</span>, your ${esc(provider)} account is no longer linked (demo).</p>
<p>Apps can no longer get ${esc(provider)} tokens for you until you link it again.</p>`);
}

export function messagePage(title, message, status = 200) {
  return { status, body: page(title, `<p>${esc(message)}</p>`) };
}

/** Error page for oidc-provider's renderError (errors that cannot be redirected). */
export function errorPage(out) {
  const rows = Object.entries(out)
    .map(([k, v]) => `<p><strong>${esc(k)}</strong>: <span class="${esc(k)}">${esc(v)}</span></p>`)
    .join('');
  return page('Something went wrong', rows);
}

/** RP-initiated logout confirmation; `form` is oidc-provider's hidden form (trusted markup). */
export function logoutPage(form, host) {
  return page('Sign out?', `
<p>Do you want to sign out from ${esc(host)}?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`);
}

export function logoutSuccessPage(clientName) {
  return page('Signed out', `<p>You have been signed out${clientName ? ` of ${esc(clientName)}` : ''}.</p>`);
}
