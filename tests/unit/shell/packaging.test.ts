import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

// Installers cannot be built here (no Electron binary to pack), so what `npm run dist` would do is
// checked as configuration: electron-builder's own loader and schema read electron-builder.yml,
// and the afterPack hook is run with a recorder in place of flipFuses.
const root = path.resolve(__dirname, '../../..');
const require = createRequire(__filename);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');
// The matcher electron-builder itself uses for `files`.
const minimatch: (file: string, pattern: string, options: object) => boolean = require('minimatch');
const hook = require(path.join(root, 'scripts/after-pack.cjs'));

let loaded: Promise<any> | null = null;
/** Loaded and validated once: the schema takes seconds to compile. */
function builderConfig() {
  return (loaded ??= (async () => {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  })());
}

describe('npm run dist', () => {
  it('builds the app and then the installers', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.devDependencies).toHaveProperty('@electron/fuses');
    expect(pkg.devDependencies).toHaveProperty('@electron/rebuild');
    expect(pkg.devDependencies.electron).toMatch(/^\^?45\./);
  });

  it('electron-builder accepts the configuration (its own schema)', async () => {
    const config = await builderConfig();
    expect(config.appId).toBe('in.stockist.desktop');
    expect(config.publish).toBeNull();
  });

  it('targets deb and AppImage on Linux and NSIS on Windows, with asar on', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('rebuilds better-sqlite3 for Electron with @electron/rebuild, preferring prebuilt binaries', async () => {
    const config = await builderConfig();
    expect(config.npmRebuild).toBe(true);
    // 'sequential' is electron-builder's mode that runs @electron/rebuild (not the legacy binary).
    expect(config.nativeRebuilder).toBe('sequential');
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*'] }]);
  });

  it('puts the built app in the package and leaves out sources, tests, ledgers, maps and keys', async () => {
    const config = await builderConfig();
    const patterns: string[] = config.files[0]?.filter ?? config.files;
    // Last matching pattern wins, as in electron-builder's FileMatcher.
    const included = (file: string) =>
      patterns.reduce(
        (inside, pattern) =>
          pattern.startsWith('!')
            ? inside && !minimatch(file, pattern.slice(1), { dot: true })
            : inside || minimatch(file, pattern, { dot: true }),
        false,
      );
    for (const file of ['out/main/index.js', 'out/main/read-worker.js', 'out/preload/preload.js', 'package.json'])
      expect(included(file), file).toBe(true);
    expect(included('out/renderer/index.html')).toBe(true);
    for (const file of [
      'src-main/index.ts',
      'tests/unit/shell/packaging.test.ts',
      'tests/fixtures/sqlite-stat1-M.json',
      '.bench/stockist-M.db',
      'stockist.db',
      'stockist.db-wal',
      'out/main/index.js.map',
      'out/renderer/assets/index.js.map',
      'out/main/tests/x.js',
      'docs/SECURITY.md',
      'scripts/after-pack.cjs',
      '.env',
      'out/tls/key.pem',
      'node_modules/.cache/x',
    ])
      expect(included(file), file).toBe(false);
  });
});

describe('fuses (scripts/after-pack.cjs)', () => {
  it('is the afterPack hook', async () => {
    expect((await builderConfig()).afterPack).toBe('./scripts/after-pack.cjs');
    expect(typeof hook.afterPack).toBe('function');
  });

  it('turns off RunAsNode, NODE_OPTIONS and inspect arguments; turns on asar-only, asar integrity, cookie encryption', async () => {
    const flips: { file: string; config: Record<string | number, unknown> }[] = [];
    const context = {
      appOutDir: '/build/linux-unpacked',
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Stockist' }, executableName: 'stockist' },
    };
    await hook.afterPack(context, async (file: string, config: Record<string | number, unknown>) =>
      flips.push({ file, config }),
    );
    expect(flips).toHaveLength(1);
    const { file, config } = flips[0]!;
    expect(file).toBe(path.join('/build/linux-unpacked', 'stockist'));
    expect(config.version).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('finds the executable on Windows, and refuses a fuse name @electron/fuses does not know', async () => {
    const windows = {
      appOutDir: 'C:\\build\\win-unpacked',
      electronPlatformName: 'win32',
      packager: { appInfo: { productFilename: 'Stockist' } },
    };
    expect(hook.executablePath(windows)).toBe(path.join('C:\\build\\win-unpacked', 'Stockist.exe'));
    hook.FUSES.RunAsNod = false;
    try {
      await expect(hook.fuseConfig(windows)).rejects.toThrow('no fuse named RunAsNod');
    } finally {
      delete hook.FUSES.RunAsNod;
    }
  });
});
