// A separate entry (@zaz/dashboard/testing/oidc): it loads oidc-provider, which only SSO tests need.
export { startTestOidcProvider, type TestOidcProvider } from "./oidc-test-provider.js";
export {
  demoMapping,
  demoRegistry,
  type SsoDashboard,
  ssoPeople,
  startSsoDashboard,
} from "./sso-dashboard.js";
