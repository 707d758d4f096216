/** Tries `run` up to `attempts` times, waiting longer each time (0.5 s, 1 s, 2 s ...) or as Slack asks. */
export async function retrying<T>(run: () => Promise<T>, attempts = 3, baseMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** (attempt - 1)));
    }
  }
}

// response_url answers 429 when rate limited and 5xx when Slack is briefly down; 404 (expired) is final.
function isTransient(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status !== 'number' || status === 429 || status >= 500;
}
