import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

/** One message as the sink received it, with its headers and text body decoded. */
export type ReceivedMail = {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  /** The envelope's sender (MAIL FROM). */
  from: string;
  subject: string;
  text: string;
  /** Every header, names in lower case, folded lines unfolded (values not decoded). */
  headers: Map<string, string>;
};

/** A refusal the sink answers with instead of accepting: an SMTP code (451 = try later, 550 = refused) and its text. */
export type Refusal = { code: number; message: string };
/** Asked once per message (the 1st, 2nd… DATA the sink is sent); a refusal turns it away at the end of DATA. */
export type RefusalRule = (attempt: number, to: string[]) => Refusal | null;

export type SmtpSink = {
  url: string;
  mails: ReceivedMail[];
  /** Messages refused so far, with the attempt they were refused at. */
  refused: { attempt: number; to: string[]; code: number }[];
  /** Changes how the sink answers from the next message on (null: accept everything). */
  refuse: (rule: RefusalRule | null) => void;
  close: () => Promise<void>;
};

/**
 * A real SMTP server for tests (the smtp-server package, RFC 5321 and its extensions as a mail
 * server speaks them), on 127.0.0.1 and a free port, keeping what it accepts in memory. A server
 * under test gets SMTP_URL = sink.url, so its outbox really goes out. No TLS and no AUTH: the
 * connection never leaves the machine.
 */
export function startSmtpSink(options: { refuse?: RefusalRule } = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const refused: SmtpSink["refused"] = [];
  let rule: RefusalRule | null = options.refuse ?? null;
  let attempts = 0;
  const server = new SMTPServer({
    name: "sink.test",
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((a) => a.address);
        const refusal = rule?.(++attempts, to) ?? null;
        if (refusal) {
          refused.push({ attempt: attempts, to, code: refusal.code });
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push({ to, from, ...parseMessage(Buffer.concat(chunks).toString("latin1")) });
        callback(null, "2.0.0 queued");
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        mails,
        refused,
        refuse: (next) => {
          rule = next;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

const decodeQ = (s: string) => s.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** Headers unfolded and the subject's RFC 2047 words decoded; the body by its transfer encoding (nodemailer sends text as base64 or quoted-printable). */
export function parseMessage(raw: string): { subject: string; text: string; headers: Map<string, string> } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4).replace(/\r\n$/, "") : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body, "base64")
      : encoding === "quoted-printable"
        ? Buffer.from(decodeQ(body.replace(/=\r\n/g, "")), "latin1")
        : Buffer.from(body, "latin1");
  const subject = (headers.get("subject") ?? "").replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, word: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(word, "base64").toString("utf8")
      : Buffer.from(decodeQ(word.replace(/_/g, " ")), "latin1").toString("utf8"),
  );
  return { subject, text: bytes.toString("utf8"), headers };
}
