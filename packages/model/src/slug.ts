/** Scope ids: what the dashboard accepts in URLs and what accounts are scoped to (see isScopeId). */
const maxLength = 64;

/**
 * A URL-safe id for a name: "De Regenboog" → "de-regenboog", "pabo_hva" → "pabo-hva". Accents are
 * dropped, anything else that is not a letter or digit becomes "-".
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug === "" ? "x" : slug;
}

/** The slug of `name`, or, when it is taken, the same with "-2", "-3" … (within the maximum length). */
export function uniqueSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  let slug = base;
  for (let i = 2; taken.has(slug); i++) {
    const suffix = `-${i}`;
    slug = `${base.slice(0, maxLength - suffix.length)}${suffix}`;
  }
  return slug;
}

/**
 * Slugs for a set of names, unique within the set: names are taken in sorted order and a slug
 * that is taken already gets "-2", "-3" …, so the same names always get the same ids. This is how
 * ids were derived from stored names before schools and boards were registered; the registry's
 * migration of older databases uses it to keep the ids accounts were scoped to.
 */
export function assignSlugs(names: readonly string[], taken: Iterable<string> = []): Map<string, string> {
  const byName = new Map<string, string>();
  const used = new Set(taken);
  for (const name of [...new Set(names)].sort()) {
    const slug = uniqueSlug(name, used);
    used.add(slug);
    byName.set(name, slug);
  }
  return byName;
}
