// Follows the Blazor circuit through the events blazor.web.js raises on #components-reconnect-modal.
// When the server no longer knows the circuit (it restarted), the page reloads: the tab's session identity
// rejoins the room by itself.
const EVENT = 'components-reconnect-state-changed';

export function watchCircuit(onChange) {
  const element = document.getElementById('components-reconnect-modal');
  if (!element) return () => {};
  let retryTimer = null;
  const handler = (event) => {
    switch (event.detail?.state) {
      case 'show':
      case 'retrying':
      case 'paused':
        onChange('reconnecting');
        break;
      case 'hide':
        onChange('up');
        break;
      case 'rejected':
      case 'resume-failed':
        onChange('down');
        location.reload();
        break;
      case 'failed':
        onChange('down');
        retryTimer = setTimeout(async () => {
          const reconnected = await window.Blazor?.reconnect?.();
          if (!reconnected) location.reload();
        }, 5_000);
        break;
    }
  };
  element.addEventListener(EVENT, handler);
  return () => {
    element.removeEventListener(EVENT, handler);
    clearTimeout(retryTimer);
  };
}
