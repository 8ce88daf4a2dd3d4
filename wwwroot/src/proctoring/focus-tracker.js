// Focus events of a candidate's page: the tab hidden, the window losing focus, leaving full screen, a paste into
// the editor (only how many characters, never the text) and a reload (reported by the reloaded page, once per
// navigation). Each event goes to `report(kind, detail)`; dispose() removes every listener. A page that is being
// left (reload, close, navigation: `pagehide`, which the browser follows with visibilitychange → hidden) reports
// no "hidden" or "blur": a reload is reported as such by the page that comes back, and a candidate who closes the
// tab leaves the room.

const RELOAD_MARK = 'interview.exam.reload-reported';

export class FocusTracker {
  #report;
  #editorSelector;
  #leaving = false;

  /** @param report (kind, detail) => void, kind = hidden | blur | fullscreen-exit | paste | reload */
  constructor(report, { editorSelector = '[data-testid="editor"]' } = {}) {
    this.#report = report;
    this.#editorSelector = editorSelector;
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('blur', this.#onBlur);
    document.addEventListener('fullscreenchange', this.#onFullscreen);
    // Capture phase: Monaco handles paste on its hidden textarea and may stop it from bubbling.
    document.addEventListener('paste', this.#onPaste, { capture: true });
    window.addEventListener('pagehide', this.#onPageHide);
    window.addEventListener('pageshow', this.#onPageShow);
    this.#checkReload();
  }

  #onVisibility = () => { if (document.visibilityState === 'hidden' && !this.#leaving) this.#report('hidden', null); };

  #onBlur = (event) => { if (event.target === window && !this.#leaving) this.#report('blur', null); };

  #onPageHide = () => { this.#leaving = true; };

  #onPageShow = () => { this.#leaving = false; }; // back from the back/forward cache

  #onFullscreen = () => { if (!document.fullscreenElement) this.#report('fullscreen-exit', null); };

  #onPaste = (event) => {
    if (!(event.target instanceof Element) || !event.target.closest(this.#editorSelector)) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    this.#report('paste', `${text.length} characters`);
  };

  #checkReload() {
    const navigation = performance.getEntriesByType('navigation')[0];
    if (navigation?.type !== 'reload') return;
    const mark = String(Math.round(performance.timeOrigin));
    try {
      if (sessionStorage.getItem(RELOAD_MARK) === mark) return;
      sessionStorage.setItem(RELOAD_MARK, mark);
    } catch { /* storage unavailable: report anyway */ }
    this.#report('reload', null);
  }

  dispose() {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('blur', this.#onBlur);
    document.removeEventListener('fullscreenchange', this.#onFullscreen);
    document.removeEventListener('paste', this.#onPaste, { capture: true });
    window.removeEventListener('pagehide', this.#onPageHide);
    window.removeEventListener('pageshow', this.#onPageShow);
  }
}
