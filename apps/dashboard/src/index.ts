export { canAccess } from "./access/can-access.js";
export type { ScopeKind, ScopeTarget } from "./access/scope-target.js";
export { type Clock, systemClock } from "./clock.js";
export {
  defaultServerOptions,
  isLoopbackHost,
  type ListenConfig,
  readConfig,
  resolveServerOptions,
  type ServerConfigInput,
  type ServerOptions,
} from "./config.js";
export { HttpError } from "./http-error.js";
export { listen, type Serving, serve } from "./main.js";
export type {
  BoardOverview,
  Catalog,
  Cell,
  ClassOverview,
  Fact,
  FilterOptions,
  FilterScope,
  FreeTextBlock,
  GroepDetail,
  Labeled,
  LeerlijnQuery,
  LeerlijnView,
  ResultsService,
  ResultView,
  ViewChart,
} from "./results-service.js";
export { type ApiRoute, apiRoutes, type RouteContext } from "./routes/route-table.js";
export { cookieNames, createServer, type ServerDeps } from "./server.js";
export { MemorySessionStore } from "./session/memory-session-store.js";
export type { SessionRecord, SessionStore } from "./session/session-store.js";
export { MemoryUserRepository } from "./users/memory-user-repository.js";
export {
  defaultScryptParams,
  hashPassword,
  maxPasswordLength,
  minPasswordLength,
  needsRehash,
  type ScryptParams,
  validatePassword,
  verifyPassword,
} from "./users/password.js";
export { isRole, Role, roles } from "./users/role.js";
export {
  normaliseUsername,
  type PublicUser,
  publicUser,
  type User,
  type UserRepository,
} from "./users/user-repository.js";
export { isScopeId, type UserScopes, validateUserScopes } from "./users/user-scopes.js";
