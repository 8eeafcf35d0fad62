export { passwordMessages, scopeMessages, ssoMessages } from "./messages.js";
export {
  defaultScryptParams,
  hashPassword,
  maxPasswordLength,
  minPasswordLength,
  needsRehash,
  type ScryptParams,
  validatePassword,
  verifyPassword,
} from "./password.js";
export { checkNewPassword, isCommonPassword } from "./password-policy.js";
export { isRole, normaliseUsername, Role, roles } from "./role.js";
export { assignSlugs, slugify } from "./slug.js";
export {
  isSsoPasswordHash,
  isSsoProviderId,
  ssoPasswordHash,
  ssoProviderOf,
  ssoUsername,
} from "./sso-account.js";
export {
  checkSsoMapping,
  claimValuesOf,
  isSsoRole,
  parseSsoMapping,
  resolveSsoAccess,
  type SsoAccess,
  type SsoMapping,
  type SsoRole,
  type SsoRule,
  ssoMappingSchema,
  ssoRoles,
} from "./sso-mapping.js";
export { isScopeId, type UserScopes, validateUserScopes } from "./user-scopes.js";
