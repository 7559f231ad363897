/**
 * What the web app can be asked to do beyond reading (its options), apart from the app so that
 * the parts it mounts can read them without importing the app.
 *
 * @module
 */
export interface AppOptions {
  /** Enables POST /api/articles, for requests bearing this token. */
  allowIngest?: { token: string };
  /** Largest request body accepted by the ingest endpoint, in bytes (2 MiB by default). */
  maxBodyBytes?: number;
  /**
   * Lets POST /api/articles fetch URLs on private addresses (a test server on 127.0.0.1); off by
   * default, so that the server cannot be turned against the local network.
   */
  allowPrivateFetch?: boolean;
  /**
   * How long a story page waits for its analysis before it answers with the story's articles and a
   * reload (`preparing-page.ts`): `busy` while every analysis place is taken or analyses wait
   * (500 ms by default), so that readers of a busy server are answered at once; `idle` otherwise
   * (10 s), so that a reader of a quiet one gets the comparison on the first view.
   */
  pagePatienceMs?: { idle: number; busy: number };
  /** Lists the stories at once rather than on the first visit to the front page (a second or two on a big store). */
  warm?: boolean;
}
