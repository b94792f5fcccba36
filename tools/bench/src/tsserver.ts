// A minimal client of tsserver's stdio protocol (the one editors speak): requests as JSON lines, responses
// and events as `Content-Length` framed JSON. Enough to open a file, edit it and time requests.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageDir } from './lib/env.js';

interface Response {
  type: string;
  request_seq?: number;
  success?: boolean;
  message?: string;
  body?: unknown;
}

export class TsServer {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, (response: Response) => void>();
  #buffer = Buffer.alloc(0);
  #seq = 0;

  constructor() {
    const tsserver = join(packageDir('typescript') ?? 'node_modules/typescript', 'lib/tsserver.js');
    this.#child = spawn(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition'], { stdio: 'pipe' });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#read(chunk));
    this.#child.on('exit', () => {
      for (const resolve of this.#pending.values()) resolve({ type: 'response', success: false, message: 'exited' });
      this.#pending.clear();
    });
  }

  /** Sends a request and resolves with the body of its response; rejects when tsserver reports a failure. */
  request(command: string, args: unknown): Promise<unknown> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, (response) =>
        response.success === false ? reject(new Error(`${command}: ${response.message}`)) : resolve(response.body),
      );
      this.#child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    });
  }

  close(): void {
    this.#child.kill();
  }

  #read(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Response;
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      if (message.type !== 'response' || message.request_seq === undefined) continue;
      this.#pending.get(message.request_seq)?.(message);
      this.#pending.delete(message.request_seq);
    }
  }
}
