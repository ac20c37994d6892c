import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

/** Every page's document: doctype, Swedish language, viewport, title and the one stylesheet; the body is the caller's. */
export function HtmlDocument(props: { title: string; bodyClass?: string; children?: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="sv">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title}</title>
          <link rel="stylesheet" href="/static/app.css" />
          <link rel="icon" href="data:," />
        </head>
        <body class={props.bodyClass}>{props.children}</body>
      </html>
    </>
  );
}
