// Slugs moved to @zaz/model (the store's registry needs them too); re-exported for existing callers.
export { assignSlugs, slugify, uniqueSlug } from "@zaz/model";
