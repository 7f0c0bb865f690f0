// __Host- cookies must be Secure, have Path=/ and no Domain: they cannot be set or overwritten by a sibling domain.
// Chromium (and Playwright) accept Secure cookies on http://localhost and 127.0.0.1.
export const SESSION_COOKIE = "__Host-marginalia.session";
export const CSRF_COOKIE = "__Host-marginalia.csrf";
export const CALLBACK_COOKIE = "__Secure-marginalia.callback";
export const OAUTH_CHECK_COOKIE_PREFIX = "__Secure-marginalia.";
export const LINK_INTENT_COOKIE = "__Host-marginalia.link";
