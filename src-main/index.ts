import { startDesktopApp } from './shell/desktop-app';

startDesktopApp();
