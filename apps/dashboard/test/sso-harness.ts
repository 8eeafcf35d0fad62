import { callbackPath } from "@zaz/dashboard";
import type { SsoDashboard } from "@zaz/dashboard/testing/oidc";
import { type APIRequestContext, type APIResponse, request } from "playwright-core";

export {
  demoMapping,
  demoRegistry,
  type SsoDashboard,
  ssoPeople,
  startSsoDashboard,
} from "@zaz/dashboard/testing/oidc";

export function newBrowserlessContext(): Promise<APIRequestContext> {
  return request.newContext();
}

/**
 * Logs in as `login` through the provider, as a browser would (cookies kept, redirects
 * followed), up to the provider's redirect back to the dashboard; `alter` may change that URL
 * before it is followed. Where the provider still has a session (a second login in the same
 * browser), it sends the browser straight back, without its form. Returns the dashboard's answer.
 */
export async function ssoLogin(
  context: APIRequestContext,
  dashboard: SsoDashboard,
  login: string,
  alter: (callback: URL) => URL = (callback) => callback,
): Promise<APIResponse> {
  let response = await context.get(`${dashboard.url}/login/sso/school`, { maxRedirects: 0 });
  if (response.status() !== 303) throw new Error(`start of SSO login: ${response.status()}`);
  for (let hops = 0; hops < 12; hops++) {
    const location = response.headers().location;
    if (location === undefined) {
      // the provider's login form
      const action = /<form[^>]*action="([^"]+)"/.exec(await response.text())?.[1];
      if (action === undefined)
        throw new Error(`provider stopped at ${response.status()}: ${await response.text()}`);
      response = await context.post(new URL(action, response.url()).href, {
        form: { prompt: "login", login, password: "wat-dan-ook" },
        maxRedirects: 0,
      });
      continue;
    }
    const next = new URL(location, response.url());
    if (next.href.startsWith(`${dashboard.url}${callbackPath("school")}`)) {
      return context.get(alter(next).href, { maxRedirects: 0 });
    }
    response = await context.get(next.href, { maxRedirects: 0 });
  }
  throw new Error("too many redirects at the provider");
}
