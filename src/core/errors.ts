/** Every error the core raises: a stable code, a message that says how to fix it, and the cause. */
export type ErrorCode =
  'KNOWLEDGE_INVALID' | 'CONFIG_INVALID' | 'REQUEST_INVALID' | 'STORE_UNAVAILABLE' | 'EVAL_FILE_INVALID';

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

  /** Every problem this error stands for: itself, or each one of a combined error. */
  problems: ConfigError[] = [this];

  /** One error for several problems: it names the first, and its message lists them all, one a line. */
  static combine(errors: ConfigError[]): ConfigError {
    const [first, ...rest] = errors.flatMap((error) => error.problems);
    if (!first) throw new Error('ConfigError.combine needs at least one error');
    if (!rest.length) return first;
    const combined = new ConfigError(first.variable, first.reason, first.fix);
    combined.problems = [first, ...rest];
    combined.message = combined.problems.map((error) => error.message).join('\n');
    return combined;
  }
}
