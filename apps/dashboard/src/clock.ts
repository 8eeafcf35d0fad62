/** Time as milliseconds since the epoch; injected so tests can move it (idle timeout, throttling). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
