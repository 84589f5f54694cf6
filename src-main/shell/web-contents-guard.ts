import type { Session, WebContents } from 'electron';
import { originOf } from './app-protocol';

/**
 * Every page, including the hidden print window, stays where the app put it: no navigation away,
 * no new windows (the app has no external links, so none are opened in the browser either) and
 * no <webview>.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    console.warn(`Refused navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * A back office needs no camera, microphone, location, USB, serial or HID. The one exception: the app's own page
 * may show desktop notifications (an approval waiting, a decision), nothing else and no other page may.
 */
export function guardPermissions(session: Session, trustedOrigin: string): void {
  const ownNotification = (permission: string, url: string | undefined) =>
    permission === 'notifications' && url !== undefined && originOf(url) === trustedOrigin;
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(ownNotification(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    ownNotification(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
