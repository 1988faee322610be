/** An Atom document as an HTTP answer: its media type, its language, and a short public cache. */
export function atomResponse(xml: string, locale: string): Response {
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Content-Language': locale,
      // Feed readers poll; a minute of caching spares the database without delaying news much.
      'Cache-Control': 'public, max-age=60',
    },
  });
}
