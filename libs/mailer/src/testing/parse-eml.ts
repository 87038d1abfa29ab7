/** Just enough RFC 5322 / MIME to read back what nodemailer wrote: headers and the decoded parts. */
export interface ParsedEml {
  headers: Map<string, string>;
  parts: { contentType: string; body: string }[];
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), as nodemailer writes non-plain subjects. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_whole, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  if (end < 0) throw new Error('no blank line after the headers');
  const headers = new Map<string, string>();
  const unfolded = normalized.slice(0, end).replace(/\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`bad header line: ${line}`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: normalized.slice(end + 2) };
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\n/g, '')
          .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    default:
      return body;
  }
}

export function parseEml(raw: string): ParsedEml {
  const { headers, body } = splitHeaders(raw);
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary)
    return {
      headers,
      parts: [{ contentType, body: decode(body, headers.get('content-transfer-encoding')) }],
    };
  const sections = body.split(`--${boundary}`).slice(1);
  const parts = sections
    .filter((section) => !section.startsWith('--'))
    .map((section) => {
      const part = splitHeaders(section.replace(/^\n/, ''));
      return {
        contentType: part.headers.get('content-type') ?? 'text/plain',
        body: decode(part.body, part.headers.get('content-transfer-encoding')),
      };
    });
  return { headers, parts };
}

export function textPart(eml: ParsedEml): string {
  const part = eml.parts.find((p) => p.contentType.startsWith('text/plain'));
  if (!part) throw new Error('no text/plain part');
  return part.body;
}
