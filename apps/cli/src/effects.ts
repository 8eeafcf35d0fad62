/** The side effects a command may have, injected so tests can observe them. */
export interface Effects {
  stdout: { write(text: string): void; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): void; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
}

export function processEffects(): Effects {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(effects: Effects, stream: "stdout" | "stderr" = "stderr"): boolean {
  const noColor = effects.env.NO_COLOR;
  return effects[stream].isTTY === true && (noColor === undefined || noColor === "");
}
