export { ClientCore } from './client-core.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_AFTER_MS } from './retry.js';
export { DEFAULT_TIMEOUT_MS } from './timeout.js';
export type {
  ClientOptions,
  FetchFunction,
  FetchOptions,
  HttpMethod,
  OperationRequest,
  RequestOptions,
} from './client-core.js';
export { APIPromise } from './api-promise.js';
export type { PendingResponse, SafeResult, WithResponse } from './api-promise.js';
export { DEFAULT_MAX_PAGES, PagePromise, PageResult, requestPage } from './pagination.js';
export type { PaginationSpec } from './pagination.js';
export { APIResource } from './resource.js';
export { createdResult } from './response.js';
export type { Created, ResponseKind } from './response.js';
export {
  AbortError,
  APIError,
  BadGatewayError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  GatewayTimeoutError,
  GoneError,
  InternalServerError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  NotImplementedError,
  PaginationError,
  PayloadTooLargeError,
  PaymentRequiredError,
  PreconditionFailedError,
  RateLimitError,
  ResponseParseError,
  STATUS_ERRORS,
  ServiceUnavailableError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  createAPIError,
  statusErrorClassName,
} from './errors.js';
export type { APIErrorClass, APIErrorInit, CommonError, TransportError } from './errors.js';
export { MissingOptionsError, derivedEnvVar, resolveOptions } from './options.js';
export type { OptionSpec, ResolvedOptions } from './options.js';
export { encodePath, serializeBody, serializeParams } from './serialize.js';
export type { BodySerializer, ParamSerializer, ParamSpec, ParamStyle, RequestDraft } from './serialize.js';
export { apiKeyCookie, apiKeyHeader, apiKeyQuery, basicAuth, bearerAuth } from './auth.js';
export type { AuthParts, AuthScheme } from './auth.js';
export type { Logger } from './logging.js';
export type { JsonPatch, JsonPatchOperation } from './json-patch.js';
export { WebhookReceiver } from './webhooks/receiver.js';
export type {
  UnknownWebhookEvent,
  WebhookDefinition,
  WebhookOutcome,
  WebhookReceiverOptions,
  WebhookRequest,
  WebhookResponse,
} from './webhooks/receiver.js';
export { WebhookValidationError } from './webhooks/validation.js';
export type { ValidatorProblem, WebhookValidator } from './webhooks/validation.js';
export { MAX_WEBHOOK_BODY_BYTES, toFetchHandler, toNodeHandler } from './webhooks/adapters.js';
export type { NodeIncomingMessage, NodeServerResponse } from './webhooks/adapters.js';
