import { isIPv4 } from 'node:net';

/**
 * True when `serviceUrl` is an http(s) URL on this machine (127.0.0.0/8, ::1, localhost). Local mode only
 * talks to such URLs: botbuilder without an app id would POST replies to any serviceUrl a request names.
 */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // WHATWG URL has already normalised the host: userinfo tricks, decimal and hex IPv4 forms, IPv6 brackets.
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return isIPv4(host) && host.split('.')[0] === '127';
}
