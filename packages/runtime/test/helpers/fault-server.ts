/**
 * Faults a server can inflict on a client, as handlers for `listen` / `startServer`, each answering one
 * request. Free of vitest (the soak runs them in a child process). Every timer a fault starts is cleared when its connection closes, so
 * a closed server leaves nothing running.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type Handler } from '@revio-sdk/test-utils/http-server';

export const FAULTS = [
  /** The connection is dropped once the request has arrived, before any response. */
  'reset-before-response',
  /** Headers and part of the body are sent, then the connection is dropped. */
  'reset-mid-body',
  /** The whole 201 response is sent, then the connection is dropped: nothing is lost. */
  'reset-after-body',
  /** The headers come only after `slowMs`. */
  'slow-response',
  /** The headers come at once, the body one byte every 20 ms until `slowMs` has passed. */
  'trickle',
  /** 503 with `Retry-After` in seconds (`retryAfterSeconds`). */
  'unavailable-retry-after-seconds',
  /** 503 with `Retry-After` as an HTTP date `retryAfterSeconds` ahead. */
  'unavailable-retry-after-date',
  /** 429 with `Retry-After` in seconds (`retryAfterSeconds`). */
  'rate-limited',
  /** 500 with a JSON body. */
  'server-error',
  /** 201 whose JSON body stops half-way (with a matching content-length). */
  'truncated-json',
  /** 500 whose body is an HTML page, though it claims JSON. */
  'non-json-error',
  /** 200 with a 10 MB JSON body. */
  'huge-body',
] as const;

export type Fault = (typeof FAULTS)[number];

export interface FaultOptions {
  /** How long `slow-response` and `trickle` take; make it longer than the client's timeout. */
  slowMs?: number;
  retryAfterSeconds?: number;
}

/** The created resource a successful create answers with. */
export const created = { id: 1013, ok: true };
const TRICKLE_INTERVAL_MS = 20;
export const HUGE_BODY_BYTES = 10 * 1024 * 1024;

/** The handler that inflicts `fault`. */
export function faultHandler(fault: Fault, { slowMs = 2_000, retryAfterSeconds = 0 }: FaultOptions = {}): Handler {
  switch (fault) {
    case 'reset-before-response':
      return (_request, _response, raw) => raw.socket.destroy();
    case 'reset-mid-body':
      return (_request, response, raw) => {
        const body = JSON.stringify(created);
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': String(body.length) });
        response.write(body.slice(0, 5), () => raw.socket.destroy());
      };
    case 'reset-after-body':
      return (_request, response, raw) => {
        response.on('finish', () => raw.socket.destroy());
        sendJson(response, 201, created);
      };
    case 'slow-response':
      return (_request, response) => {
        const timer = setTimeout(() => sendJson(response, 201, created), slowMs);
        response.on('close', () => clearTimeout(timer));
      };
    case 'trickle':
      return (_request, response) => trickle(response, slowMs);
    case 'unavailable-retry-after-seconds':
      return (_request, response) =>
        sendJson(response, 503, { message: 'down for maintenance' }, { 'retry-after': String(retryAfterSeconds) });
    case 'unavailable-retry-after-date':
      return (_request, response) => {
        const date = new Date(Date.now() + retryAfterSeconds * 1000).toUTCString();
        sendJson(response, 503, { message: 'down for maintenance' }, { 'retry-after': date });
      };
    case 'rate-limited':
      return (_request, response) =>
        sendJson(response, 429, { message: 'slow down' }, { 'retry-after': String(retryAfterSeconds) });
    case 'server-error':
      return (_request, response) => sendJson(response, 500, { message: 'boom' });
    case 'truncated-json':
      return (_request, response) => {
        const body = JSON.stringify(created).slice(0, 9);
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': String(body.length) });
        response.end(body);
      };
    case 'non-json-error':
      return (_request, response) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      };
    case 'huge-body':
      return (_request, response) => sendJson(response, 200, hugeBody());
  }
}

/** A JSON object of at least `HUGE_BODY_BYTES` once serialized. */
export function hugeBody(): { records: string[] } {
  const record = 'x'.repeat(1_000);
  return { records: Array.from({ length: Math.ceil(HUGE_BODY_BYTES / (record.length + 3)) }, () => record) };
}

function trickle(response: ServerResponse, slowMs: number): void {
  response.writeHead(201, { 'content-type': 'application/json' });
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started < slowMs) response.write(' ');
    else {
      clearInterval(timer);
      response.end(JSON.stringify(created));
    }
  }, TRICKLE_INTERVAL_MS);
  response.on('close', () => clearInterval(timer));
}
