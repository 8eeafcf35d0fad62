import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseSsoMapping, type SsoMapping } from "@zaz/accounts";
import type { RegistryEntity } from "@zaz/model";
import type { Clock } from "../clock.js";
import type { ServerConfigInput } from "../config.js";
import { closeServer } from "../main.js";
import type { ResultsService } from "../results-service.js";
import { createServer } from "../server.js";
import { callbackPath } from "../sso/sso-config.js";
import { MemoryUserRepository } from "../users/memory-user-repository.js";
import { demoFixture } from "./demo-fixture.js";
import { startTestOidcProvider, type TestOidcProvider } from "./oidc-test-provider.js";

const secret = "sso-test-secret-0123456789abcdef-0123456789";

/** The demo fixture's schools and boards as registered entities, each school with a BRIN. */
export function demoRegistry(): RegistryEntity[] {
  const brins: Record<string, string> = {
    "de-regenboog": "12AB00",
    "het-kompas": "12AB01",
    "de-vlinder": "34CD00",
  };
  return demoFixture().besturen.flatMap((bestuur): RegistryEntity[] => [
    { id: bestuur.id, kind: "bestuur", name: bestuur.name, bestuur: null, brin: null },
    ...bestuur.schools.map(
      (school): RegistryEntity => ({
        id: school.id,
        kind: "school",
        name: school.name,
        bestuur: bestuur.id,
        brin: brins[school.id] ?? null,
      }),
    ),
  ]);
}

/** Entree's BRIN and affiliation for directors, groups (as Entra sends them) for the others. */
export function demoMapping(): SsoMapping {
  const parsed = parseSsoMapping(
    {
      rules: [
        { match: { groups: "leerteam-asko" }, role: "leerteam", bestuur: "asko" },
        {
          provider: "school",
          match: { eduPersonAffiliation: ["employee", "staff"] },
          role: "directeur",
          schoolsFromClaim: "nlEduPersonHomeOrganizationId",
        },
        { match: { groups: "docenten-pabo-hva" }, role: "docent", opleiding: "pabo-hva" },
      ],
    },
    "test-koppeling.json",
  );
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
  return parsed.value;
}

/** Test people at the provider, by login name. */
export const ssoPeople: Record<string, Record<string, unknown>> = {
  "dirk@regenboog": {
    name: "Dirk de Directeur",
    eduPersonAffiliation: "employee",
    nlEduPersonHomeOrganizationId: "12AB00",
  },
  "lotte@asko": { name: "Lotte Leerteam", groups: ["medewerkers", "leerteam-asko"] },
  "dana@pabo": { name: "Dana Docent", groups: ["docenten-pabo-hva"] },
  "piet@leerling": { eduPersonAffiliation: "student", nlEduPersonHomeOrganizationId: "12AB00" },
};

export interface SsoDashboard {
  url: string;
  provider: TestOidcProvider;
  users: MemoryUserRepository;
  /** what the dashboard told the beheerder about refused logins */
  warnings: string[];
  close(): Promise<void>;
}

/**
 * The dashboard with a test provider "school" on 127.0.0.1: both listen first (port 0), then each
 * is told the other's address, as a real installation registers its redirect URI.
 */
export async function startSsoDashboard(
  results: ResultsService,
  options: { users?: MemoryUserRepository; config?: Partial<ServerConfigInput>; clock?: Clock } = {},
): Promise<SsoDashboard> {
  const provider = await startTestOidcProvider();
  for (const [login, claims] of Object.entries(ssoPeople)) provider.accounts.set(login, { ...claims });
  const server: Server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${url}${callbackPath("school")}`;
  const postLogoutRedirectUri = `${url}/login`;
  provider.register({ redirectUri, postLogoutRedirectUri });
  const users = options.users ?? new MemoryUserRepository();
  const warnings: string[] = [];
  const app = createServer({
    results,
    users,
    config: { sessionSecret: secret, secureCookies: false, ...options.config },
    ...(options.clock ? { clock: options.clock } : {}),
    log: (error) => warnings.push(String(error)),
    sso: {
      providers: [
        {
          id: "school",
          label: "Testschool",
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          clientAuth: "client_secret_basic",
          redirectUri,
          postLogoutRedirectUri,
          scopes: ["openid", "profile", "email"],
        },
      ],
      mapping: demoMapping(),
      registry: async () => demoRegistry(),
      warn: (message) => warnings.push(message),
    },
  });
  server.on("request", app);
  return {
    url,
    provider,
    users,
    warnings,
    close: async () => {
      await closeServer(server, 100);
      await provider.close();
    },
  };
}
