const CENSOR = '[redacted]';
// Fields that could carry message text, secrets or personal details: blanked at the top level and one level
// down (`inbound.text`), even when a caller passes them by mistake.
const SENSITIVE = new Set([
  'text',
  'question',
  'token',
  'authorization',
  'cookie',
  'secret',
  'password',
  'signature',
]);
// Only at the top level: `err.message` is the error's own, and needed.
const TOP_LEVEL_ONLY = new Set(['message']);
// Credentials in a `headers` object at the top level or one level down (`req.headers`).
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'x-slack-signature']);

type Fields = Record<string, unknown>;

/**
 * A log line's fields with the sensitive ones replaced by "[redacted]" (pino's `formatters.log`). Copies
 * only what it changes and leaves the caller's object alone: most lines have nothing to blank, and pino's
 * own path-based redaction re-parsed every path on every line: 7.1 µs a line, against 2.6 µs without it.
 */
export function redactLogFields(fields: Fields): Fields {
  return redact(fields, 0);
}

function redact(fields: Fields, depth: number): Fields {
  let copy: Fields | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    let next = value;
    if (SENSITIVE.has(key) || (depth === 0 && TOP_LEVEL_ONLY.has(key))) next = CENSOR;
    else if (isRecord(value)) {
      if (key === 'headers') next = redactHeaders(value);
      else if (depth === 0) next = redact(value, 1);
    }
    if (next !== value) (copy ??= { ...fields })[key] = next;
  }
  return copy ?? fields;
}

function redactHeaders(headers: Fields): Fields {
  let copy: Fields | undefined;
  for (const key of Object.keys(headers))
    if (SECRET_HEADERS.has(key.toLowerCase()) || SENSITIVE.has(key)) (copy ??= { ...headers })[key] = CENSOR;
  return copy ?? headers;
}

/** An object of fields to look into: not an array, error (its serializer keeps it safe), date or buffer. */
function isRecord(value: unknown): value is Fields {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Error) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  );
}
