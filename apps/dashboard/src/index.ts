export {
  assignSlugs,
  checkNewPassword,
  defaultScryptParams,
  hashPassword,
  isRole,
  isScopeId,
  maxPasswordLength,
  minPasswordLength,
  needsRehash,
  parseSsoMapping,
  Role,
  resolveSsoAccess,
  roles,
  type ScryptParams,
  type SsoMapping,
  slugify,
  ssoPasswordHash,
  ssoUsername,
  type UserScopes,
  validatePassword,
  validateUserScopes,
  verifyPassword,
} from "@zaz/accounts";
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
export { type DashboardStores, dashboardStores, sharedRowCacheMs } from "./dashboard-stores.js";
export {
  type CachedDataVersion,
  cacheDataVersion,
  type DataVersionCacheOptions,
  type WatchDataVersion,
} from "./data-version-cache.js";
export { HttpError } from "./http-error.js";
export {
  closeOnSignals,
  closeServer,
  defaultShutdownDeadlineMs,
  listen,
  type Serving,
  serve,
} from "./main.js";
export { startMessages } from "./messages.js";
export {
  type Catalog,
  type FilterOptions,
  type FilterScope,
  isNotFound,
  type Labeled,
  type ResultsService,
  type ViewNotFound,
} from "./results-service.js";
export { type ApiRoute, apiRoutes, type RouteContext } from "./routes/route-table.js";
export { runServer, shownTarget } from "./run-server.js";
export { type ServedStores, serveStores } from "./serve-stores.js";
export { cookieNames, createServer, type ServerDeps } from "./server.js";
export { MemorySessionStore } from "./session/memory-session-store.js";
export type { SessionRecord, SessionStore } from "./session/session-store.js";
export { StoreSessionStore, type StoreSessionStoreOptions } from "./session/store-session-store.js";
export { sessionSecretFor } from "./session-secret.js";
export {
  ClientAuthMethod,
  callbackPath,
  isClientAuthMethod,
  type OidcProviderConfig,
  readSsoConfig,
  type SsoConfig,
} from "./sso/sso-config.js";
export { type SsoEnvOptions, ssoFromEnv } from "./sso/sso-from-env.js";
export { loadSsoMappingFile } from "./sso/sso-mapping-file.js";
export type { SsoSetup } from "./sso/sso-setup.js";
export { DashboardStartError, openForDashboard, startErrorMessage } from "./startup-error.js";
export { StoreResultsService } from "./store-results-service.js";
export { type ReceivedFile, receiveFile } from "./upload/receive-file.js";
export {
  defaultUploadMaxBytes,
  type UploadChoice,
  type UploadProgress,
  Uploads,
  type UploadsOptions,
} from "./upload/uploads.js";
export { uploadsFromEnv } from "./upload/uploads-from-env.js";
export { MemoryUserRepository } from "./users/memory-user-repository.js";
export { StoreUserRepository } from "./users/store-user-repository.js";
export {
  normaliseUsername,
  type PublicUser,
  publicUser,
  type User,
  type UserRepository,
} from "./users/user-repository.js";
