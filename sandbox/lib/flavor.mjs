// Flavours: which provider's wire format the sandbox speaks (--flavor).
//
//   default  the sandbox as it always was: oidc-provider's paths, issuer
//            http(s)://127.0.0.1:PORT, Countersign's approval channel
//            advertised in discovery.
//   auth0    Auth0's Authentication API: its paths, issuer with a trailing
//            slash (https://TENANT/, as Auth0's is), `audience` next to
//            `resource`, CIBA login_hint in the iss_sub form only,
//            requested_expiry up to 259200 s, device codes for 900 s, no
//            introspection, and no approval channel in discovery (Auth0 has
//            none; the channel itself is still served unadvertised and plays
//            the part of the Guardian app, unless --no-approval-channel).
//
// No oidc-provider import here: cli.mjs uses this module, and usage errors
// should not pay for loading oidc-provider. The `audience` parameter: audience.mjs.
export const FLAVORS = ['default', 'auth0'];

/** Auth0's paths (oidc-provider `routes`); introspection has none (disabled in this flavour). */
export const AUTH0_ROUTES = {
  authorization: '/authorize',
  token: '/oauth/token',
  revocation: '/oauth/revoke',
  userinfo: '/userinfo',
  jwks: '/.well-known/jwks.json',
  end_session: '/oidc/logout',
  pushed_authorization_request: '/oauth/par',
  backchannel_authentication: '/bc-authorize',
  device_authorization: '/oauth/device/code',
  code_verification: '/activate',
};

const DEVICE_CODE_TTL = { default: 600, auth0: 900 }; // seconds; Auth0's device codes live 15 minutes

/** The default (and longest allowed) device code lifetime of a flavour. */
export function deviceCodeTtlFor(flavor) {
  return DEVICE_CODE_TTL[flavor];
}

/**
 * The issuer for a server reachable at `origin` (scheme://127.0.0.1:PORT):
 * Auth0's issuer is its origin with a trailing slash (the `iss` of its tokens,
 * the `iss` of a CIBA login_hint); the default flavour's has none.
 */
export function issuerFor(flavor, origin) {
  return flavor === 'auth0' ? `${origin}/` : origin;
}
