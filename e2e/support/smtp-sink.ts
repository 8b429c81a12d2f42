import net from "node:net";

/** One message as the sink received it, with its headers and text body decoded. */
export type ReceivedMail = { to: string[]; subject: string; text: string };
export type SmtpSink = { url: string; mails: ReceivedMail[]; close: () => Promise<void> };

/**
 * A mail server for tests that accepts every message and keeps it in memory: just enough SMTP
 * (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no auth) for nodemailer to
 * deliver to it. A server under test gets SMTP_URL = sink.url, so its outbox really goes out.
 */
export function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let rcpt: string[] = [];
    let data: string[] | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 sink.test ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      let at: number;
      while ((at = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (data) {
          if (line === ".") {
            mails.push({ to: rcpt, ...parseMessage(data) });
            data = null;
            rcpt = [];
            reply("250 2.0.0 queued");
          } else data.push(line.startsWith("..") ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") reply("250-sink.test\r\n250 8BITMIME");
        else if (verb === "HELO" || verb === "NOOP" || verb === "MAIL") reply("250 2.0.0 ok");
        else if (verb === "RSET") {
          rcpt = [];
          reply("250 2.0.0 ok");
        } else if (verb === "RCPT") {
          rcpt.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
          reply("250 2.1.5 ok");
        } else if (verb === "DATA") {
          data = [];
          reply("354 end data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 2.0.0 bye");
          socket.end();
        } else reply("502 5.5.2 command not implemented");
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        mails,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Headers unfolded and RFC 2047 words decoded; the body by its transfer encoding (nodemailer sends text as base64 or quoted-printable). */
function parseMessage(lines: string[]): { subject: string; text: string } {
  const blank = lines.indexOf("");
  const headers = new Map<string, string>();
  for (const raw of lines
    .slice(0, blank)
    .join("\r\n")
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")) {
    const colon = raw.indexOf(":");
    if (colon > 0) headers.set(raw.slice(0, colon).toLowerCase(), raw.slice(colon + 1).trim());
  }
  const body = lines.slice(blank + 1).join("\r\n");
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body, "base64")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          )
        : Buffer.from(body, "latin1");
  const subject = (headers.get("subject") ?? "").replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, word: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(word, "base64").toString("utf8")
      : Buffer.from(
          word.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
  return { subject, text: bytes.toString("utf8") };
}
