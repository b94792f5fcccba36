/**
 * An in-process mock of the API, driven by the contract the generator derived from the model: it routes
 * each request to its operation by method and path template, records it, and answers as the test's
 * scenario says, with the contract's sample bodies. node:http on a free loopback port; nothing leaves
 * the machine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The operations of the API as the generator modelled them, with sample values for every exchange. */
export interface Contract {
  /** Exported core class of the package, e.g. `AcmeCore`. */
  coreClass: string;
  /** Constructor options that fill every credential. */
  clientOptions: Record<string, string>;
  /** What those credentials put on every request. */
  auth: ExpectedRequestParts;
  operations: ContractOperation[];
}

export interface ExpectedRequestParts {
  /** Lowercase header names and their exact values. */
  headers: Record<string, string>;
  /** Decoded query entries, each expected among the request's. */
  query: [string, string][];
  /** Decoded `name=value` cookies, each expected in the `cookie` header. */
  cookies: [string, string][];
}

export interface ContractOperation {
  operationId: string;
  /** The standalone function of the operation (its type-name stem in camelCase). */
  functionName: string;
  method: string;
  pathTemplate: string;
  /** The function's arguments after the client: path values, then the body, then the params object. */
  args: unknown[];
  /** The request the arguments must produce. */
  request: ExpectedRequestParts & {
    /** The path with every parameter encoded, below the base URL. */
    path: string;
    body?: { contentType: string; kind: string; value: unknown };
  };
  success: SampleResponse & {
    kind: 'json' | 'text' | 'binary' | 'empty';
    /** What the call resolves to (a 201's `Created` wrapper included); the page envelope for a list. */
    result: unknown;
  };
  errors: (SampleResponse & { className: string })[];
  /** A status the operation does not document. */
  undocumentedStatus: number;
  /** GET, HEAD, PUT, DELETE and OPTIONS (RFC 9110): safe to repeat. */
  idempotent: boolean;
  pagination?: {
    pageParam: string;
    /** Page n (1-based) is `pages[n - 1]`; the last one carries the end marker. */
    pages: unknown[];
    /** Every item of every page, in order. */
    items: unknown[];
  };
}

export interface SampleResponse {
  status: number;
  contentType?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** How the server answers the next requests. */
export type Scenario =
  | { kind: 'success' }
  | { kind: 'error'; status: number }
  /** This status (with its contract body when documented), then the operation's success. */
  | { kind: 'fail-once'; status: number; retryAfterSeconds?: number }
  /** Reads the whole request, then destroys the connection without answering. */
  | { kind: 'reset' }
  /** The page the request's page parameter names. */
  | { kind: 'pages' };

export interface RecordedRequest {
  /** The operation the method and path routed to, if any. */
  operationId: string | undefined;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface MockServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Forgets the recorded requests and answers the next ones, for `operationId`, as `scenario` says. */
  reset(operationId: string, scenario: Scenario): void;
  close(): Promise<void>;
}

interface Route {
  operation: ContractOperation;
  pattern: RegExp;
  /** Literal characters of the template: the more, the more specific the route. */
  specificity: number;
}

function routesOf(contract: Contract): Route[] {
  const routes = contract.operations.map((operation) => {
    // A `#fragment` some specs add to tell apart operations on one path never reaches the server.
    const literals = operation.pathTemplate.split('#')[0]!.split(/\{[^}]+\}/);
    const source = literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
    return { operation, pattern: new RegExp(`^${source}$`), specificity: literals.join('').length };
  });
  return routes.sort((a, b) => b.specificity - a.specificity);
}

function send(response: ServerResponse, sample: SampleResponse, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { ...sample.headers, ...extraHeaders };
  let payload: string | Buffer = '';
  if (sample.body !== undefined) {
    const contentType = sample.contentType ?? 'application/json';
    headers['content-type'] = contentType;
    payload = typeof sample.body === 'string' && !/json/i.test(contentType) ? sample.body : JSON.stringify(sample.body);
  }
  response.writeHead(sample.status, headers).end(payload);
}

function errorSample(operation: ContractOperation, status: number): SampleResponse {
  return operation.errors.find((error) => error.status === status) ?? { status, body: { message: `status ${status}` } };
}

/** Starts the mock on a free loopback port; the base path keeps the client's path joining honest. */
export async function startMockServer(contract: Contract): Promise<MockServer> {
  const routes = routesOf(contract);
  const requests: RecordedRequest[] = [];
  let scenario: Scenario = { kind: 'success' };
  let underTest: string | undefined;
  let failed = false;

  const answer = (request: RecordedRequest, response: ServerResponse): void => {
    const matching = routes.filter(
      (route) => route.operation.method === request.method && route.pattern.test(request.path),
    );
    // Operations whose routes only differ by a fragment look alike on the wire: the one under test wins.
    const operation = (matching.find((route) => route.operation.operationId === underTest) ?? matching[0])?.operation;
    request.operationId = operation?.operationId;
    if (operation === undefined) return void response.writeHead(599).end();
    if (scenario.kind === 'error') return send(response, errorSample(operation, scenario.status));
    if (scenario.kind === 'fail-once' && !failed) {
      failed = true;
      const retryAfter = scenario.retryAfterSeconds;
      return send(
        response,
        errorSample(operation, scenario.status),
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      );
    }
    if (scenario.kind === 'pages' && operation.pagination !== undefined) {
      const { pageParam, pages } = operation.pagination;
      const page = Number(request.query.get(pageParam) ?? '1');
      return send(response, { ...operation.success, body: pages[Math.min(page, pages.length) - 1] });
    }
    send(response, operation.success);
  };

  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://mock');
      const request: RecordedRequest = {
        operationId: undefined,
        method: incoming.method ?? '',
        path: url.pathname.replace(/^\/api/, ''),
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      if (scenario.kind === 'reset') return void incoming.socket.destroy();
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    reset(operationId, next) {
      requests.length = 0;
      underTest = operationId;
      scenario = next;
      failed = false;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
