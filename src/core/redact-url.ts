/** What a secret in a printed URL is replaced with. */
const SECRET_MASK = "***";

/**
 * Query parameters whose value is a credential: api-key, api_key, apikey, key, token, access_token,
 * secret, password, sig, signature (any case; OpenAI-compatible gateways such as Azure use api-key).
 */
const SECRET_PARAM =
  /([?&#;](?:[\w.-]*[_-])?(?:api[_-]?key|key|token|secret|password|passwd|pwd|sig|signature|auth|authorization|credential|credentials)=)[\w.~%+\-/=!$*,:@]*/giu;

/** `scheme://user:pass@` or `scheme://token@`: the part before the host that logs in. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#\s@"'<>]+@/giu;

/**
 * `text` with every secret a URL can carry replaced by {@link SECRET_MASK}: the login part
 * (`https://user:pass@host` → `https://***@host`) and the value of a credential query parameter
 * (`?api-key=abc` → `?api-key=***`). Works on a bare URL and on any message quoting one (an SDK
 * error, a socket error), so it is applied to every line that may show OPENAI_BASE_URL.
 */
export function redactUrlSecrets(text: string): string {
  return text.replace(USERINFO, `$1${SECRET_MASK}@`).replace(SECRET_PARAM, `$1${SECRET_MASK}`);
}
