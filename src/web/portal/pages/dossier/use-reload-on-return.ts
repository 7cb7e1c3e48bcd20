import { useEffect } from "react";

/**
 * Calls `reload` when the reader comes back to this page: the window gets focus again (after a
 * document opened in another tab or a download dialog), or the page is shown from the browser's
 * back-forward cache.
 */
export function useReloadOnReturn(reload: () => void): void {
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) reload();
    };
    window.addEventListener("focus", reload);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("focus", reload);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [reload]);
}
