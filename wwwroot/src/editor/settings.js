// Per-user editor settings (theme, font size), kept in this browser only; they never reach the room.
const KEY = 'interview.editor.settings';
export const DEFAULTS = Object.freeze({ theme: 'vs', fontSize: 14 });

export function loadSettings() {
  try {
    return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(KEY) ?? '{}') };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveSettings(settings) {
  try { localStorage.setItem(KEY, JSON.stringify(settings)); } catch { /* private mode: settings last for the page */ }
}

export function clampFontSize(size) {
  const n = Number(size);
  return Number.isFinite(n) ? Math.min(32, Math.max(10, Math.round(n))) : DEFAULTS.fontSize;
}
