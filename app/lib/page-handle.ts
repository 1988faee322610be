/**
 * Which pages run as a client-side application. The staff side does: moderators move through the
 * queue all day, and client navigation keeps that quick. Every other page is a server-rendered
 * document with the small enhance script (app/enhance), so the public pages stay light on slow
 * phones; root.tsx reads this from the matched routes' `handle`.
 */
export interface PageHandle {
  hydrate?: boolean;
}

export const APPLICATION_PAGES: PageHandle = { hydrate: true };

export function isApplicationPage(handle: unknown): boolean {
  return (handle as PageHandle | undefined)?.hydrate === true;
}
