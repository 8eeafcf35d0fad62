/** DuckDB's memory size ("96MB", "1.5GB", "512MiB") in its megabytes (10^6 bytes), if it reads as one */
export function megabytes(size: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|KiB|MiB|GiB)\s*$/i.exec(size);
  if (m === null) return undefined;
  const bytes: Record<string, number> = {
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
  };
  return (Number(m[1]) * (bytes[(m[2] ?? "").toLowerCase()] ?? Number.NaN)) / 1e6;
}

/** `size`, or `mb` megabytes when it is less (or unreadable) */
export function atLeast(size: string, mb: number): string {
  return mb > (megabytes(size) ?? 0) ? `${mb}MB` : size;
}

/** `size`, or `mb` megabytes when it is more (an unreadable size is left as it is) */
export function atMost(size: string, mb: number): string {
  const current = megabytes(size);
  return current !== undefined && current > mb ? `${mb}MB` : size;
}
