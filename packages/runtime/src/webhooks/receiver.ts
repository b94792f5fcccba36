/**
 * The receiving side of webhooks: a request (headers and raw body) in, the answer out. Generated webhook
 * packages supply the validators and the event map; this module checks, dispatches and answers.
 */
import { WebhookValidationError, type WebhookValidator } from './validation.js';

/** What the receiver needs of a request; both adapters build it. */
export interface WebhookRequest {
  /** Header lookup, case-insensitive (as `Headers.get`). */
  header: (name: string) => string | null | undefined;
  body: string;
}

/** The answer to send back. */
export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the generated package knows about its webhooks. */
export interface WebhookDefinition<Events extends object> {
  /** The body property holding the event type, e.g. `event_type`. */
  discriminator: string;
  /** Checks the part every notification shares, whatever its type. */
  validateNotification: WebhookValidator;
  /** One validator per documented event type. */
  events: { [Type in keyof Events]: WebhookValidator };
  /** The header of the activation handshake, echoed to activate the receiver; none when the API has no handshake. */
  handshakeHeader?: string;
}

/** A notification whose event type the API does not document (or this package predates). */
export interface UnknownWebhookEvent {
  eventType: string;
  notification: Record<string, unknown>;
}

/** How one request ended, for logs and tests. */
export type WebhookOutcome =
  | { kind: 'handshake'; secret: string; activated: boolean }
  | { kind: 'handled'; eventType: string }
  | { kind: 'unhandled'; eventType: string }
  | { kind: 'unknown'; eventType: string }
  | { kind: 'invalid'; error: WebhookValidationError };

type Handler<Event> = (event: Event) => void | Promise<void>;

export interface WebhookReceiverOptions {
  /**
   * Echo the handshake header to activate the receiver at once (default true); with false, the secret is only
   * passed to `onHandshake` and the receiver is activated later through the API.
   */
  activateOnHandshake?: boolean;
}

function answer(status: number, body: string, headers: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** Dispatches notifications to handlers registered by event type; unknown event types go to `onUnknown`. */
export class WebhookReceiver<Events extends object> {
  readonly #definition: WebhookDefinition<Events>;
  readonly #activate: boolean;
  readonly #handlers = new Map<string, Handler<never>[]>();
  readonly #unknownHandlers: Handler<UnknownWebhookEvent>[] = [];
  readonly #handshakeHandlers: Handler<string>[] = [];
  readonly #outcomeHandlers: ((outcome: WebhookOutcome) => void)[] = [];

  constructor(definition: WebhookDefinition<Events>, options: WebhookReceiverOptions = {}) {
    this.#definition = definition;
    this.#activate = options.activateOnHandshake ?? true;
  }

  /** Calls `handler` with each valid notification of `eventType`. */
  on<Type extends keyof Events & string>(eventType: Type, handler: Handler<Events[Type]>): this {
    if (!Object.hasOwn(this.#definition.events, eventType)) throw new TypeError(`unknown event type "${eventType}"`);
    this.#handlers.set(eventType, [...(this.#handlers.get(eventType) ?? []), handler]);
    return this;
  }

  /**
   * Calls `handler` with each notification of an undocumented event type. Without one, such a notification is
   * answered 422 so that it is reported, not dropped.
   */
  onUnknown(handler: Handler<UnknownWebhookEvent>): this {
    this.#unknownHandlers.push(handler);
    return this;
  }

  /** Calls `handler` with the secret of each activation handshake (to activate the receiver later, or to log it). */
  onHandshake(handler: Handler<string>): this {
    this.#handshakeHandlers.push(handler);
    return this;
  }

  /** Calls `listener` with how each request ended. */
  onOutcome(listener: (outcome: WebhookOutcome) => void): this {
    this.#outcomeHandlers.push(listener);
    return this;
  }

  /** Answers one request. A handler that throws is answered 500 (its message is not sent back). */
  async receive(request: WebhookRequest): Promise<WebhookResponse> {
    const { response, outcome } = await this.#receive(request);
    for (const listener of this.#outcomeHandlers) listener(outcome);
    return response;
  }

  async #receive(request: WebhookRequest): Promise<{ response: WebhookResponse; outcome: WebhookOutcome }> {
    const { handshakeHeader } = this.#definition;
    const secret = handshakeHeader === undefined ? undefined : request.header(handshakeHeader);
    if (handshakeHeader !== undefined && typeof secret === 'string' && secret !== '') {
      for (const handler of this.#handshakeHandlers) await handler(secret);
      const headers: Record<string, string> = this.#activate ? { [handshakeHeader]: secret } : {};
      return { response: answer(200, '', headers), outcome: { kind: 'handshake', secret, activated: this.#activate } };
    }
    const parsed = this.#parse(request.body);
    if (parsed instanceof WebhookValidationError)
      return { response: answer(400, parsed.message), outcome: { kind: 'invalid', error: parsed } };
    const eventType = String(parsed[this.#definition.discriminator]);
    if (!Object.hasOwn(this.#definition.events, eventType)) {
      if (this.#unknownHandlers.length === 0)
        return {
          response: answer(422, `unknown event type "${eventType}"`),
          outcome: { kind: 'unknown', eventType },
        };
      for (const handler of this.#unknownHandlers) await handler({ eventType, notification: parsed });
      return { response: answer(200, ''), outcome: { kind: 'unknown', eventType } };
    }
    const validate = this.#definition.events[eventType as keyof Events];
    const problem = WebhookValidationError.of(validate, parsed);
    if (problem !== undefined)
      return { response: answer(400, problem.message), outcome: { kind: 'invalid', error: problem } };
    const handlers = this.#handlers.get(eventType) ?? [];
    for (const handler of handlers) await (handler as Handler<unknown>)(parsed);
    return {
      response: answer(200, ''),
      outcome: { kind: handlers.length === 0 ? 'unhandled' : 'handled', eventType },
    };
  }

  #parse(body: string): Record<string, unknown> | WebhookValidationError {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return new WebhookValidationError('', `is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    return (
      WebhookValidationError.of(this.#definition.validateNotification, parsed) ?? (parsed as Record<string, unknown>)
    );
  }
}
