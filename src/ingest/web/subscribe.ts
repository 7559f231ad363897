/**
 * What `parallax feeds add` was given, resolved to a feed: the URL itself when it is one, else the
 * first feed its page links to (`<link rel="alternate" type="application/rss+xml">`).
 *
 * Feeds are fetched without consulting robots.txt, as feed readers do: a feed is published to be
 * polled. The pages its items link to are fetched under robots.txt.
 *
 * @module
 */
import { fetchUrl, type FetchOptions } from './http.js';
import { decodeBody, mediaTypeOf } from './charset.js';
import { discoverFeeds, parseFeedBytes, FeedError } from './feeds.js';

/** A feed found for a URL. */
export interface ResolvedFeed {
  url: string;
  title: string | null;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.5, */*;q=0.3';

export async function resolveFeed(url: string, options: FetchOptions & { ignoreRobots?: boolean } = {}): Promise<ResolvedFeed> {
  const res = await fetchUrl(url, { ...options, accept: FEED_ACCEPT, maxBytes: 5 * 1024 * 1024 });
  const type = mediaTypeOf(res.headers['content-type']);
  try {
    return { url, title: parseFeedBytes(res.body, res.headers['content-type'], res.url).title };
  } catch (err) {
    const decoded = decodeBody(res.body, res.headers['content-type']);
    const html = 'text' in decoded && (type === 'text/html' || type === 'application/xhtml+xml' || /^\s*<(!doctype\s+html|html)\b/i.test(decoded.text)) ? decoded.text : null;
    // Hostile XML is refused as such, not searched for links.
    if (!html) throw err instanceof FeedError ? err : new FeedError(`not a feed (${type || 'no content type'})`);
    for (const candidate of discoverFeeds(html, res.url).slice(0, 3)) {
      try {
        const feed = await fetchUrl(candidate, { ...options, accept: FEED_ACCEPT, maxBytes: 5 * 1024 * 1024 });
        return { url: candidate, title: parseFeedBytes(feed.body, feed.headers['content-type'], feed.url).title };
      } catch {
        /* the next candidate */
      }
    }
    throw new FeedError('not a feed, and the page links to no feed that could be read');
  }
}
