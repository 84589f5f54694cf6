import type { Session, WebContents } from 'electron';

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

/** A back office needs no camera, microphone, location, notifications, USB, serial or HID. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
