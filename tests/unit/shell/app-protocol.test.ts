import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../../support/fake-electron';
import {
  APP_ORIGIN,
  originOf,
  registerAppScheme,
  rendererLocation,
  rendererResponse,
  RENDERER_CSP,
  serveRenderer,
} from '../../../src-main/shell/app-protocol';

vi.mock('electron', () => import('../../support/fake-electron'));

// A built renderer in a temp folder, with a secret beside it (not inside) and a sibling folder
// whose name starts with the renderer's: neither may be served.
let base: string;
let root: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Stockist</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-1.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'ledger password');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
beforeEach(() => fake.reset());

const get = (url: string, method = 'GET') => rendererResponse(root, new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered privileged before ready (standard, secure, fetch), and handled only after', async () => {
    registerAppScheme();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(() => serveRenderer(root)).toThrow(/after the app is ready/);
    await fake.app.becomeReady();
    serveRenderer(root);
    const handler = fake.protocol.handlers.get('app')!;
    const response = await handler(new Request(`${APP_ORIGIN}/index.html`));
    expect(await response.text()).toContain('<title>Stockist</title>');
  });

  it('serves the renderer with its MIME type, the CSP header and nosniff', async () => {
    const page = await get('app://stockist/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://stockist/assets/index-1.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://stockist/assets/index-1.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    // A route (no extension) is the single page; HEAD has no body.
    expect(await (await get('app://stockist/orders')).text()).toContain('Stockist');
    const head = await get('app://stockist/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('the CSP allows only the app itself to run scripts', () => {
    expect(RENDERER_CSP).toContain("default-src 'self'");
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    const meta = fs.readFileSync(path.resolve(__dirname, '../../../src-renderer/index.html'), 'utf8');
    // Header and meta tag say the same (the header adds frame-ancestors, which a meta tag cannot).
    expect(RENDERER_CSP.replace("; frame-ancestors 'none'", '')).toBe(/content="(default-src[^"]+)"/.exec(meta)![1]);
  });

  it('refuses anything outside the renderer folder', async () => {
    for (const url of [
      'app://stockist/../secret.txt', // the URL parser folds this to /secret.txt, which is not in root
      'app://stockist/..%2fsecret.txt',
      'app://stockist/%2e%2e%2fsecret.txt',
      'app://stockist/assets/..%2f..%2fsecret.txt',
      'app://stockist/..%2frenderer-evil%2fx.js',
      'app://stockist/%2fetc%2fpasswd.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toMatch(/ledger password|evil/);
    }
    expect((await get('app://stockist/%E0%A4%A')).status).toBe(400);
  });

  it('answers only its own host, and only GET and HEAD', async () => {
    expect((await get('app://stockist.evil/index.html')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://stockist/index.html', 'POST')).status).toBe(405);
  });
});

describe('where the window loads from', () => {
  it('is app://stockist, and a packaged app ignores ELECTRON_RENDERER_URL', () => {
    expect(rendererLocation(true, 'http://localhost:5173')).toEqual({
      url: 'app://stockist/index.html',
      origin: 'app://stockist',
    });
    expect(rendererLocation(false, undefined).origin).toBe('app://stockist');
    expect(rendererLocation(false, 'http://localhost:5173/')).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
  });

  it('origins are compared whole: scheme, host and port', () => {
    expect(originOf('app://stockist/index.html')).toBe('app://stockist');
    expect(originOf('app://stockist.evil/index.html')).toBe('app://stockist.evil');
    expect(originOf('app://user@stockist/')).toBe('app://stockist');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('file:///opt/Stockist/resources/app.asar/out/renderer/index.html')).toBeNull();
    expect(originOf('blob:app://stockist/8d5f')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
