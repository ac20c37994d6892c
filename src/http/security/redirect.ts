/**
 * Where a login may send the user afterwards: only a path on this site. The value is read the way a browser
 * reads a URL (tabs and line breaks dropped, leading/trailing controls and spaces trimmed, backslashes as
 * slashes) and resolved against this site; anything that would leave it, or that is not a plain path, gives
 * "/". The result is the URL's own serialisation, so it can never carry a control character into a header.
 */
const base = 'http://samordna.invalid';

export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return '/';
  const cleaned = next.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!/^\/(?![/\\])/.test(cleaned) || /[\u0000-\u001f\u007f\\]/.test(cleaned)) return '/';
  let url: URL;
  try {
    url = new URL(cleaned, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = url.pathname + url.search + url.hash;
  return /^\/(?![/\\])/.test(path) ? path : '/';
}
