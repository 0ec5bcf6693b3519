/** `new URL(value)`, or null where it throws — one helper instead of a try/catch in every reader. */
export function parseUrl(value: string | URL): URL | null {
  try {
    return new URL(String(value));
  } catch {
    return null;
  }
}
