/**
 * Whether a request is for the JSON API. Express matches routes without regard to case, so
 * "/API/me" reaches the API too, and must be answered in JSON (a 401 as JSON, not a redirect to
 * the login page that a script cannot follow).
 */
export function isApiPath(url: string): boolean {
  return /^\/api(?:[/?#]|$)/i.test(url);
}
