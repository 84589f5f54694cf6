/**
 * A system notification when new notes arrive. The desktop app allows the permission for its own page only
 * (src-main/shell/web-contents-guard.ts); a LAN browser shows one only if the user granted it there, else the badge
 * is all. Asked for from a click (browsers refuse a permission prompt without one).
 */
export function askForDesktopNotices(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
}

export function showDesktopNotice(title: string, body: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notice = new Notification(title, { body, tag: 'stockist-notifications' });
  notice.onclick = () => {
    window.focus();
    onClick();
  };
}
