export { passwordMessages, scopeMessages } from "./messages.js";
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
export { isScopeId, type UserScopes, validateUserScopes } from "./user-scopes.js";
