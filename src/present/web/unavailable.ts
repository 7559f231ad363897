/** A request refused for now (503): the response says why and, in `Retry-After`, when to ask again. */
import { HttpError } from './errors.js';

export class Unavailable extends HttpError {
  constructor(
    message: string,
    /** Seconds to wait before asking again. */
    readonly retryAfter: number,
  ) {
    super(503, message);
  }
}
