/** Every error the core raises: a stable code, a message that says how to fix it, and the cause. */
export type ErrorCode = 'KNOWLEDGE_INVALID' | 'CONFIG_INVALID' | 'REQUEST_INVALID' | 'STORE_UNAVAILABLE';

export class GuidebotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GuidebotError';
  }
}

/** A knowledge file that cannot be used: names the file, the place in it and what is wrong. */
export class KnowledgeFileError extends GuidebotError {
  constructor(
    readonly file: string,
    readonly place: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('KNOWLEDGE_INVALID', `${file}${place ? `:${place}` : ''}: ${reason}`, options);
    this.name = 'KnowledgeFileError';
  }
}

/** An environment variable that cannot be used: names it, says what is wrong and how to fix it. */
export class ConfigError extends GuidebotError {
  constructor(
    readonly variable: string,
    readonly reason: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super('CONFIG_INVALID', `${variable}: ${reason}. ${fix}`, options);
    this.name = 'ConfigError';
  }
}
