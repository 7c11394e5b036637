// Every API failure is one JSON shape, { error: { code, message, details? } }, so a client needs one error path.
// Messages are Chinese (they may be shown to people); codes are stable identifiers for programs.

export const ERROR_CODES = ["invalid_parameter", "unknown_parameter", "invalid_cursor", "not_found", "internal_error"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_CODE_LABELS: Record<ErrorCode, { status: number; label: string }> = {
  invalid_parameter: { status: 400, label: "参数取值无效（格式不对、超出范围、重复或互相矛盾）" },
  unknown_parameter: { status: 400, label: "接口不支持的参数（拼写错误的参数不会被忽略）" },
  invalid_cursor: { status: 400, label: "翻页游标无效（应原样使用上一页的 next_cursor）" },
  not_found: { status: 404, label: "报告、机关、地区或接口不存在（未发布的报告也视为不存在）" },
  internal_error: { status: 500, label: "服务器内部错误" },
};

export interface ErrorDetail {
  /** the query or path parameter at fault, when there is one */
  param?: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 500,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details?.length ? { details: this.details } : {}) } };
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(404, "not_found", message);
}

export function invalidParameter(param: string, message: string): ApiError {
  return new ApiError(400, "invalid_parameter", `参数 ${param} 无效：${message}`, [{ param, message }]);
}

export const INTERNAL_ERROR_MESSAGE = "服务器内部错误，请稍后再试";
