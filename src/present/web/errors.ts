/** An error that ends a request with this status and message (JSON under /api, a page elsewhere). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
