import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, built from this template only. DevTools (menu item and, through
 * webPreferences.devTools, its shortcut) exist while developing, never in a packaged app.
 */
export function menuTemplate(packaged: boolean): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = packaged ? [] : [{ role: 'toggleDevTools' }];
  return [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...developer,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
