import { compareGroepen, InstrumentRole, sortWaves } from "@zaz/model";
import { directoryOf } from "./data/directory.js";
import { selection, sourceFor } from "./data/source.js";
import type { ViewRequest, ViewService } from "./view-service.js";

/** The views worth having ready: every school's class overview and groepen per wave, every board, every opleiding. */
export async function standardViews(service: ViewService): Promise<ViewRequest[]> {
  const { store } = service.context;
  const directory = await directoryOf(store);
  const requests: ViewRequest[] = [];
  const source = await sourceFor(service.context, InstrumentRole.ouderpopulatie);
  if (source !== null) {
    const pairs = await store.analysis.values(selection(source), ["school", "wave", "groep"]);
    for (const school of directory.schools) {
      const own = pairs.filter((p) => p.values.school === school.code);
      for (const wave of sortWaves(new Set(own.map((p) => p.values.wave ?? "").filter((w) => w !== "")))) {
        requests.push({ kind: "klassen", params: { school: school.id, wave } });
        const groepen = new Set(own.filter((p) => p.values.wave === wave).map((p) => p.values.groep ?? ""));
        for (const groep of [...groepen].filter((g) => g !== "").sort(compareGroepen))
          requests.push({ kind: "groep", params: { school: school.id, wave, groep } });
      }
    }
  }
  for (const bestuur of directory.besturen)
    requests.push({ kind: "scholen", params: { bestuur: bestuur.id } });
  for (const opleiding of directory.opleidingen)
    requests.push({ kind: "leerlijn", params: { opleiding: opleiding.id } });
  return requests;
}

/**
 * Computes (and keeps) the standard views for the data as they are now, one at a time. Stops when
 * the data change meanwhile (the next change computes them again). Returns how many were made.
 */
export async function precomputeViews(
  service: ViewService,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const version = await service.context.store.dataVersion();
  const requests = await standardViews(service);
  let done = 0;
  for (const request of requests) {
    if ((await service.context.store.dataVersion()) !== version) break;
    // A view that cannot be made (a groep without enough data …) is simply not kept.
    await service.get(request).catch(() => undefined);
    done++;
    onProgress?.(done, requests.length);
  }
  return done;
}
