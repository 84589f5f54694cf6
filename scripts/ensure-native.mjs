// better-sqlite3 is a native module: a build for Electron does not load in Node and back.
// `npm start` rebuilds it for Electron; anything that runs in Node (tests, serve) first
// checks that it loads and rebuilds it for Node if it was last built for Electron.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const target = process.argv[2];

if (target === 'electron') {
  // Electron's documented manual rebuild: npm's own node-gyp against Electron's headers.
  const { version } = require('electron/package.json');
  execSync(
    `npm rebuild better-sqlite3 --runtime=electron --target=${version} --disturl=https://electronjs.org/headers --build-from-source`,
    { stdio: 'inherit' },
  );
} else {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
  } catch (error) {
    if (!/NODE_MODULE_VERSION|compiled against|invalid ELF|wrong ELF/.test(String(error))) throw error;
    console.log('better-sqlite3 was built for Electron; rebuilding it for Node…');
    execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  }
}
