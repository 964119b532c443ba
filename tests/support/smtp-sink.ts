import { createServer, type Server, type Socket } from 'node:net';

/** A mail as the sink received it: the envelope, the decoded headers and the decoded text body. */
export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Record<string, string>;
  subject: string;
  body: string;
  raw: string;
}

/**
 * A small SMTP server on loopback for tests: speaks enough ESMTP for libcurl (EHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT), keeps what it receives, and can be told to answer like a server that is busy (451 on MAIL FROM) or that
 * refuses the recipient for good (550 on RCPT TO).
 */
export interface SmtpSink {
  port: number;
  mode: 'accept' | 'busy' | 'refuse';
  received: ReceivedMail[];
  /** Resolves with the first received mail `match` accepts; rejects after `timeoutMs`. */
  waitFor: (match: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
}

/** `port`: 0 for any free one; a port given again brings a stopped sink back where the server expects it. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const sockets = new Set<Socket>();
  const sink: SmtpSink = {
    port: 0,
    mode: 'accept',
    received: [],
    waitFor: async (match, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = sink.received.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching mail within ${timeoutMs} ms; received: ${sink.received.map((m) => m.subject).join(' | ')}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serve(socket, sink);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP sink has no port');
  sink.port = address.port;
  return sink;
}

function serve(socket: Socket, sink: SmtpSink): void {
  let buffer = '';
  let inData = false;
  let data: string[] = [];
  let from = '';
  let to: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 sink.test ESMTP');
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === '.') {
          inData = false;
          sink.received.push(parse(from, to, data.join('\r\n')));
          reply('250 2.0.0 queued');
          data = [];
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') {
        reply('250-sink.test');
        reply('250 8BITMIME');
      } else if (verb === 'HELO' || verb === 'NOOP') {
        reply('250 ok');
      } else if (verb === 'RSET') {
        from = '';
        to = [];
        reply('250 ok');
      } else if (verb === 'MAIL') {
        if (sink.mode === 'busy') {
          reply('451 4.3.0 busy, try again later');
        } else {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          reply('250 ok');
        }
      } else if (verb === 'RCPT') {
        if (sink.mode === 'refuse') {
          reply('550 5.1.1 no such mailbox');
        } else {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 ok');
        }
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else {
        reply('502 5.5.2 not implemented');
      }
    }
  });
}

function parse(from: string, to: string[], raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headerMap(raw.slice(0, split));
  const encodedBody = raw.slice(split + 4);
  const body =
    (headers['content-transfer-encoding'] ?? '').toLowerCase() === 'base64'
      ? Buffer.from(encodedBody.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encodedBody;
  return { from, to, headers, subject: decodeWords(headers.subject ?? ''), body, raw };
}

/** RFC 2047 "B" encoded words (as the server writes them) back to text. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

export interface MimePart {
  headers: Record<string, string>;
  /** The decoded content (base64 undone), as text. */
  text: string;
}

/** The leaf parts of a multipart mail, depth first, as the server writes them (every leaf in base64). */
export function mimeParts(raw: string): MimePart[] {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headerMap(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) {
    const base64 = (headers['content-transfer-encoding'] ?? '').toLowerCase() === 'base64';
    return [{ headers, text: base64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body }];
  }
  const parts: MimePart[] = [];
  const chunks = body.split(`--${boundary}`);
  // chunks[0] is the preamble, the last one starts with "--" (the end marker)
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(...mimeParts(chunk.replace(/^\r\n/, '')));
  }
  return parts;
}

/** Unfolded headers by lower-case name. */
function headerMap(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The /link/… paths in a mail's text (the signed links to confirm, ask for another time, report), in order. */
export function linksIn(mail: ReceivedMail): string[] {
  const text = mimeParts(mail.raw).find((p) => /^text\/plain/.test(p.headers['content-type'] ?? ''))?.text ?? mail.body;
  return [...text.matchAll(/\/link\/([A-Za-z0-9_~-]+)/g)].map((m) => m[0]);
}

/** What a signed link says ("appointment/12/confirm/0"): its payload is readable, only its signature is secret. */
export function claimOf(link: string): string {
  const token = link.slice(link.lastIndexOf('/') + 1);
  return Buffer.from(token.split('~')[0]!, 'base64url').toString('utf8').split('\n')[0]!;
}

/** Every text part of a mail, decoded (the calendar is base64 in the raw mail). */
export function decodedText(mail: ReceivedMail): string {
  return mimeParts(mail.raw).map((p) => p.text).join('\n');
}
