/** A request refused with an HTTP status and a sentence that says what to change. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpRefusal";
  }
}

/** The refusal of a body above the limit, wherever it is noticed. */
export const bodyTooLarge = (limit: number) =>
  new HttpRefusal(
    413,
    `The request body is larger than ${limit} bytes, the most this server reads: send less, or raise BATON_MAX_BODY_BYTES on the server.`,
  );
