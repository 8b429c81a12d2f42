import { describe, expect, it } from "vitest";
import { queueCsv, queueCsvFileName, UTF8_BOM, type QueueCsvWords } from "./queue-csv";

const ko: QueueCsvWords = {
  headers: {
    ref: "요청 번호",
    type: "유형",
    status: "상태",
    outcome: "처리 결과",
    denialReason: "거부 사유",
    jurisdiction: "관할",
    received: "접수일시 (Asia/Seoul)",
    due: "기한 (Asia/Seoul)",
    extended: "연장됨",
    assignee: "담당자",
    customer: "고객",
  },
  type: (c) => ({ access: "열람", deletion: "삭제" })[c] ?? c,
  status: (c) => ({ received: "접수됨", completed: "완료" })[c] ?? c,
  outcome: (c) => ({ complied_in_part: "일부 이행함" })[c] ?? c,
  denialReason: (c) => ({ exempt: "적용 제외(근거 명시)" })[c] ?? c,
  yes: "예",
};
const row = {
  ref: "REQ-2026-00001",
  type: "access",
  status: "received",
  jurisdiction: "KR",
  // 23:30 UTC on the last day of February is 08:30 on 1 March in Seoul.
  receivedAt: new Date("2026-02-28T23:30:00Z"),
  dueAt: new Date("2026-03-11T14:59:00Z"),
  extendedAt: null,
  assigneeName: "김지민",
  customer: "mina@example.kr",
};

describe("queueCsv", () => {
  it("starts with a UTF-8 byte-order mark and writes the header in the reader's language, dates on the brand's clock", () => {
    const csv = queueCsv([row], ko, { timeZone: "Asia/Seoul", withCustomer: true });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, line] = csv.slice(1).split("\r\n");
    expect(header).toBe("요청 번호,고객,유형,상태,처리 결과,거부 사유,관할,접수일시 (Asia/Seoul),기한 (Asia/Seoul),연장됨,담당자");
    expect(line).toBe("REQ-2026-00001,mina@example.kr,열람,접수됨,,,KR,2026-03-01 08:30,2026-03-11 23:59,,김지민");
  });

  it("writes a closed request's outcome and the reason of its withheld part in the reader's language", () => {
    const csv = queueCsv([{ ...row, status: "completed", outcome: "complied_in_part", denialReason: "exempt" }], ko, {
      timeZone: "Asia/Seoul",
      withCustomer: false,
    });
    expect(csv.slice(1).split("\r\n")[1]).toBe(
      "REQ-2026-00001,열람,완료,일부 이행함,적용 제외(근거 명시),KR,2026-03-01 08:30,2026-03-11 23:59,,김지민",
    );
  });

  it("leaves the customer column out for a reader who may not see people, whatever the rows hold", () => {
    const csv = queueCsv([row], ko, { timeZone: "UTC", withCustomer: false });
    expect(csv).not.toContain("mina@example.kr");
    expect(csv).not.toContain("고객");
  });

  it("defuses every cell a spreadsheet would run as a formula, and quotes commas, quotes and line breaks", () => {
    const hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];
    const csv = queueCsv(
      hostile.map((name) => ({ ...row, assigneeName: name, customer: 'a,"b"\nc', extendedAt: new Date() })),
      ko,
      { timeZone: "UTC", withCustomer: true },
    );
    const lines = csv.slice(1).split("\r\n").slice(1, -1);
    expect(lines.map((l) => l.slice(l.lastIndexOf(",") + 1))).toEqual([
      '"\'=HYPERLINK(""http://x"")"',
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tcmd",
      '"\'\rcmd"',
    ]);
    expect(lines[0]).toContain('"a,""b""\nc"');
    expect(lines[0]).toContain(",예,");
  });

  it("names the file after the brand's date", () => {
    expect(queueCsvFileName(new Date("2026-02-28T23:30:00Z"), "Asia/Seoul")).toBe("requests_2026-03-01.csv");
  });
});
