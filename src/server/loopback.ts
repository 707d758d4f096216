import { isIP } from 'node:net';

/** True for names and addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** The host name of a request's Host header ("localhost:3978" -> "localhost", "[::1]:80" -> "::1"). */
export function hostName(header: string | undefined): string {
  if (!header) return '';
  const bracketed = /^\[([^\]]*)\]/.exec(header);
  if (bracketed) return bracketed[1] ?? '';
  return header.split(':')[0] ?? '';
}
