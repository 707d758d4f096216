import type { Server } from 'node:http';
import { ConfigError } from '../core/errors';

/** Listens on HOST:PORT; a port in use or a HOST that is no address of this machine is a plain ConfigError. */
export async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => reject(listenError(error, port, host));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(
        'PORT',
        `port ${port} on ${host} is already in use (another guidebot, or another program, listens there)`,
        'Stop that program, or set PORT to a free port.',
        { cause: error },
      );
    case 'EACCES':
      return new ConfigError(
        'PORT',
        `port ${port} needs administrator rights`,
        'Set PORT to 1024 or above.',
        {
          cause: error,
        },
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError(
        'HOST',
        `"${host}" does not resolve to an address`,
        'Set HOST to an address or name of this machine (0.0.0.0 for every interface), or leave it unset for 127.0.0.1.',
        { cause: error },
      );
    case 'EADDRNOTAVAIL':
      return new ConfigError(
        'HOST',
        `${host} is not an address of this machine`,
        'Set HOST to an address of this machine (0.0.0.0 for every interface), or leave it unset for 127.0.0.1.',
        { cause: error },
      );
    default:
      return error;
  }
}
