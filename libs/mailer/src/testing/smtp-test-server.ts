import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  /** Date.now() when the server accepted it (the bench's latency). */
  receivedAt: number;
}

export interface SmtpTestServerOptions {
  port?: number;
  /** Recipients the server refuses with 550 at RCPT TO. */
  rejectRecipients?: string[];
}

/** A free loopback port (nothing listens on it when this resolves). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A real SMTP server (smtp-server) on loopback that keeps what it accepts. */
export class SmtpTestServer {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly messages: ReceivedMessage[],
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    const port = options.port ?? (await freePort());
    const rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
    const messages: ReceivedMessage[] = [];
    const server = new SMTPServer({
      // stop() ends the clients' connections after this grace instead of smtp-server's 30 s: a
      // mailer's pooled transport keeps an idle connection open, and a test that stops the server
      // before the mailer (an outage, a finally block) otherwise waits the full 30 s for it.
      closeTimeout: 500,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (rejected.has(address.address.toLowerCase())) {
          callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            receivedAt: Date.now(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return new SmtpTestServer(server, port, messages);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
