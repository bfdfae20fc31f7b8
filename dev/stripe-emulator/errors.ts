// Errors in Stripe's wire shape. The SDK picks its error class from the HTTP
// status (400/404 → StripeInvalidRequestError, 401 → StripeAuthenticationError,
// 402 → StripeCardError) and copies `code`, `param`, `decline_code` onto it, so
// both must match what Stripe sends.
import type { JsonObject } from "./json";

export type ErrorType = "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly extra: { code?: string; param?: string; decline_code?: string } = {},
  ) {
    super(message);
  }

  toJson(): JsonObject {
    const error: JsonObject = { type: this.type, message: this.message };
    if (this.extra.code) {
      error.code = this.extra.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.extra.code.replaceAll("_", "-")}`;
    }
    if (this.extra.param) error.param = this.extra.param;
    if (this.extra.decline_code) error.decline_code = this.extra.decline_code;
    return { error };
  }
}

export function missingParam(param: string): ApiError {
  return new ApiError(400, "invalid_request_error", `Missing required param: ${param}.`, { code: "parameter_missing", param });
}

export function invalidParam(param: string, message: string): ApiError {
  return new ApiError(400, "invalid_request_error", message, { code: "parameter_invalid", param });
}

export function unknownParam(param: string): ApiError {
  return new ApiError(400, "invalid_request_error", `Received unknown parameter: ${param}`, { code: "parameter_unknown", param });
}

/** Stripe's 404 for a missing object: "No such subscription: 'sub_x'". */
export function noSuch(kind: string, id: string, param = "id", status = 404): ApiError {
  return new ApiError(status, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param });
}
