// Shared guard: confidence levels are programmer-chosen constants, so a bad one is a bug, not user input.

/** Throws unless 0 < level < 1 (e.g. 0.95). */
export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}
