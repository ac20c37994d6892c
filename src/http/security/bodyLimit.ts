import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Largest ordinary request (forms, JSON) and largest upload (files: SIE, XLSX, JSON imports). */
export function bodyLimits(env: NodeJS.ProcessEnv = process.env): { bodyBytes: number; uploadBytes: number } {
  const kb = Number(env.SAMORDNA_MAX_BODY_KB) || 1024;
  const mb = Number(env.SAMORDNA_MAX_UPLOAD_MB) || 50;
  return { bodyBytes: kb * 1024, uploadBytes: mb * 1024 * 1024 };
}

function isUpload(contentType: string): boolean {
  return /^(multipart\/form-data|application\/octet-stream|text\/plain|application\/vnd\.openxmlformats)/.test(contentType);
}

function mebibytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} kB`;
}

/** Refuses too large requests with 413 and a Swedish message, before anything reads the body. */
export function requestSizeLimit(env: NodeJS.ProcessEnv = process.env): MiddlewareHandler {
  const { bodyBytes, uploadBytes } = bodyLimits(env);
  const limiter = (maxSize: number, what: string) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        const message = `${what} är för stor: högst ${mebibytes(maxSize)} tillåts.`;
        return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json')
          ? c.json({ error: message }, 413)
          : c.html(`<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>För stor begäran – Samordna</title></head><body><main><h1>För stor begäran</h1><p role="alert">${message}</p></main></body></html>`, 413);
      },
    });
  const ordinary = limiter(bodyBytes, 'Begäran');
  const upload = limiter(uploadBytes, 'Filen');
  return (c, next) => {
    // GET and HEAD carry no body a route reads; asking for one (hono's bodyLimit reads c.req.raw.body) would build a
    // full fetch Request, abort signal and all, for every page view.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return isUpload(c.req.header('content-type') ?? '') ? upload(c, next) : ordinary(c, next);
  };
}
