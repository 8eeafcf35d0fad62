import type pg from "pg";
import { loadPg } from "./connection.js";
import { dataChannel } from "./data-version.js";

export interface DataVersionWatch {
  stop(): Promise<void>;
}

/**
 * Calls `onChange` with the new data version whenever any process commits a change of the data on
 * the PostgreSQL database at `url` (LISTEN zaz_data; the store NOTIFYs in every changing
 * transaction). For a dashboard's caches: a new import is seen at once, not at the next request.
 * A lost connection is opened again after `retryMs`, and `onChange` is then called with the version
 * read afresh (a change may have been missed meanwhile).
 */
export async function watchDataVersion(
  url: string,
  onChange: (version: number) => void,
  retryMs = 1000,
): Promise<DataVersionWatch> {
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (first: boolean): Promise<void> => {
    const next = new (await loadPg()).Client({ connectionString: url, application_name: "zaz-watch" });
    next.on("notification", (message) => {
      if (message.channel === dataChannel) onChange(Number(message.payload));
    });
    next.on("error", () => reconnect());
    next.on("end", () => reconnect());
    await next.connect();
    await next.query(`LISTEN ${dataChannel}`);
    client = next;
    if (!first) {
      const result = await next.query("SELECT value FROM store_state WHERE name = 'data_version'");
      onChange(Number(result.rows[0]?.value));
    }
  };

  const reconnect = (): void => {
    if (stopped || timer !== undefined) return;
    const old = client;
    client = undefined;
    old?.end().catch(() => undefined);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) connect(false).catch(() => reconnect());
    }, retryMs);
    timer.unref();
  };

  await connect(true);
  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      const old = client;
      client = undefined;
      await old?.end().catch(() => undefined);
    },
  };
}
