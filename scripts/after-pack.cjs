// @ts-check
// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packed
// executable. It runs after the app.asar and its integrity hash are in place and before signing,
// which is where fuses must be flipped (a signature covers the binary). @electron/fuses is the
// project's own (2.x, ESM only, hence the dynamic import), not the older copy electron-builder bundles.
const path = require('node:path');

/** Each fuse by its @electron/fuses name, and the value every packaged build gets. */
const FUSES = {
  // ELECTRON_RUN_AS_NODE=1 would turn Stockist.exe into a plain Node that runs any script.
  RunAsNode: false,
  // NODE_OPTIONS (--require, --inspect…) would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk on the command line would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // Only resources/app.asar, never a loose resources/app folder someone dropped beside it.
  OnlyLoadAppFromAsar: true,
  // app.asar must match the hash embedded at build time (validated on Windows and macOS).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Cookies on disk encrypted with the OS keystore.
  EnableCookieEncryption: true,
};

/** The packed executable, named as electron-builder names it on each platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  // LinuxPackager names the binary after linux.executableName.
  return path.join(appOutDir, /** @type {any} */ (packager).executableName);
}

/** The @electron/fuses config; a fuse name the installed @electron/fuses does not know stops the build. */
async function fuseConfig(context) {
  const { FuseVersion, FuseV1Options } = await import('@electron/fuses');
  /** @type {Record<string | number, unknown>} */
  const config = {
    version: FuseVersion.V1,
    // A macOS binary (none is built today) needs a fresh ad-hoc signature after flipping to start.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = /** @type {Record<string, number>} */ (/** @type {unknown} */ (FuseV1Options))[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`);
    config[index] = value;
  }
  return config;
}

/**
 * @param {import('electron-builder').AfterPackContext} context
 * @param {(file: string, config: object) => Promise<unknown>} [flip] tests pass a recorder
 */
async function afterPack(context, flip) {
  const flipFuses = flip ?? (await import('@electron/fuses')).flipFuses;
  await flipFuses(executablePath(context), await fuseConfig(context));
}

module.exports = { afterPack, fuseConfig, executablePath, FUSES };
