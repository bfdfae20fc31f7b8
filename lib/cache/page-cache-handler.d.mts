// Types for the plain-JavaScript handler Next loads itself (see page-cache-handler.mjs).
/** The tags worth sharing with other instances: data tags and the implicit tags of paths that may be cached. */
export function shareable(tags: string[]): string[];
declare const PageCacheHandler: unknown;
export default PageCacheHandler;
