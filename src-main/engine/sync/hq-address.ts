/** Where HQ lives. Credentials and business data travel only over HTTPS; plain http is allowed to this
 * machine's loopback address alone (a local HQ, tests), where nothing crosses a network. */

export class HqAddressError extends Error {}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  const v4 = host.startsWith('::ffff:') ? host.slice(7) : host;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The HQ base URL, or an error a clerk can act on. */
export function hqBaseUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new HqAddressError(`"${address}" is not a web address; it should look like https://hq.brand.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HqAddressError(`HQ address must start with https:// (got ${url.protocol})`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new HqAddressError(
      `HQ address ${url.origin} uses http://, which would send the device secret and sales data unencrypted; ` +
        'use https:// (plain http is allowed only to this computer, e.g. http://127.0.0.1)',
    );
  }
  if (url.username || url.password) throw new HqAddressError('HQ address must not contain a user name or password');
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}
