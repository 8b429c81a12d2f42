import { describe, expect, it } from "vitest";
import { addressRange, checkEndpoint, checkEndpointAddresses, endpointHost, webhookEndpointUrlSchema } from "./endpoint-guard";

const production = { allowInsecure: false };
const development = { allowInsecure: true };
const PUBLIC_V4 = "93.184.215.14";
const PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c";

describe("checkEndpointAddresses with the development setting off", () => {
  it.each([
    ["https://127.0.0.1/hook", [], "127.0.0.1", "loopback"],
    ["https://10.0.0.1/hook", [], "10.0.0.1", "private"],
    ["https://172.16.4.2/hook", [], "172.16.4.2", "private"],
    ["https://192.168.1.1/hook", [], "192.168.1.1", "private"],
    ["https://169.254.169.254/latest/meta-data/", [], "169.254.169.254", "linkLocal"],
    ["https://[::1]:8443/hook", [], "::1", "loopback"],
    ["https://[::ffff:127.0.0.1]/hook", [], "127.0.0.1", "loopback"],
    ["https://[::ffff:10.0.0.1]/hook", [], "10.0.0.1", "private"],
    ["https://[::169.254.169.254]/hook", [], "::a9fe:a9fe", "ipv4Compatible"],
    ["https://[::127.0.0.1]/hook", [], "::7f00:1", "ipv4Compatible"],
    ["https://[fd00::1]/hook", [], "fd00::1", "uniqueLocal"],
    ["https://[fe80::1]/hook", [], "fe80::1", "linkLocal"],
    ["https://0.0.0.0/hook", [], "0.0.0.0", "unspecified"],
    ["https://[::]/hook", [], "::", "unspecified"],
    ["https://224.0.0.1/hook", [], "224.0.0.1", "multicast"],
    ["https://255.255.255.255/hook", [], "255.255.255.255", "broadcast"],
    ["https://100.64.0.1/hook", [], "100.64.0.1", "carrierGradeNat"],
    ["https://127.1/hook", [], "127.0.0.1", "loopback"],
    ["https://0x7f.0.0.1/hook", [], "127.0.0.1", "loopback"],
  ])("refuses %s as not public, naming the range", (url, resolved, address, range) => {
    expect(checkEndpointAddresses(url, resolved, production)).toEqual({ ok: false, reason: "not-public", address, range });
  });

  it("refuses localhost by name even when it resolves to 127.0.0.1 and ::1", () => {
    expect(checkEndpointAddresses("https://localhost:8443/hook", ["127.0.0.1", "::1"], production)).toEqual({
      ok: false,
      reason: "not-public",
      address: "localhost",
      range: "loopback",
    });
  });

  it("refuses a name that resolves to loopback, naming the address", () => {
    expect(checkEndpointAddresses("https://hooks.example.com/x", ["127.0.0.1"], production)).toMatchObject({
      reason: "not-public",
      range: "loopback",
    });
  });

  it("refuses a name with one public and one private address (the connection could use either)", () => {
    expect(checkEndpointAddresses("https://hooks.example.com/x", [PUBLIC_V4, "10.1.2.3"], production)).toEqual({
      ok: false,
      reason: "not-public",
      address: "10.1.2.3",
      range: "private",
    });
  });

  it("refuses NAT64 and 6to4 addresses, which embed an IPv4 address that may be private", () => {
    expect(checkEndpointAddresses("https://h.example.com/", ["64:ff9b::a00:1"], production)).toMatchObject({ range: "rfc6052" });
    expect(checkEndpointAddresses("https://h.example.com/", ["2002:a00:1::1"], production)).toMatchObject({ range: "6to4" });
  });

  it("refuses an http:// URL before looking at addresses", () => {
    expect(checkEndpointAddresses(`http://${PUBLIC_V4}/hook`, [], production)).toEqual({ ok: false, reason: "not-https" });
  });

  it("refuses other schemes, credentials in the URL, text that is not a URL, and a name with no address", () => {
    expect(checkEndpointAddresses("ftp://h.example.com/", [PUBLIC_V4], production)).toMatchObject({ reason: "not-https" });
    expect(checkEndpointAddresses("https://u:p@h.example.com/", [PUBLIC_V4], production)).toMatchObject({ reason: "credentials-in-url" });
    expect(checkEndpointAddresses("hooks", [PUBLIC_V4], production)).toMatchObject({ reason: "not-a-url" });
    expect(checkEndpointAddresses("https://h.example.com/", [], production)).toMatchObject({ reason: "unresolved" });
    expect(checkEndpointAddresses("https://h.example.com/", ["not-an-ip"], production)).toMatchObject({ reason: "not-an-address" });
  });

  it("passes a public address over https and returns the addresses to connect to", () => {
    expect(checkEndpointAddresses("https://hooks.example.com/candor", [PUBLIC_V4, PUBLIC_V6], production)).toEqual({
      ok: true,
      addresses: [PUBLIC_V4, PUBLIC_V6],
    });
    expect(checkEndpointAddresses(`https://${PUBLIC_V4}:8443/x`, [], production)).toEqual({ ok: true, addresses: [PUBLIC_V4] });
  });
});

describe("checkEndpointAddresses with the development setting on", () => {
  it("passes http://127.0.0.1 with a port, localhost, and a LAN address", () => {
    expect(checkEndpointAddresses("http://127.0.0.1:4123/hook", [], development)).toEqual({ ok: true, addresses: ["127.0.0.1"] });
    expect(checkEndpointAddresses("http://localhost:4123/hook", ["127.0.0.1", "::1"], development)).toMatchObject({ ok: true });
    expect(checkEndpointAddresses("http://10.0.0.1/hook", [], development)).toMatchObject({ ok: true });
  });

  it("still refuses the metadata address and the unspecified address", () => {
    expect(checkEndpointAddresses("http://169.254.169.254/", [], development)).toMatchObject({ ok: false, range: "linkLocal" });
    expect(checkEndpointAddresses("http://0.0.0.0:4123/", [], development)).toMatchObject({ ok: false, range: "unspecified" });
  });
});

describe("checkEndpoint", () => {
  it("asks the resolver for the host name and checks what it answers", async () => {
    const asked: string[] = [];
    const resolve = async (host: string) => (asked.push(host), ["127.0.0.1"]);
    expect(await checkEndpoint("https://rebind.example.com/x", resolve, production)).toMatchObject({ ok: false, range: "loopback" });
    expect(asked).toEqual(["rebind.example.com"]);
  });

  it("does not resolve an address literal, and calls a failed lookup unresolved", async () => {
    const failing = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await checkEndpoint(`https://${PUBLIC_V4}/`, failing, production)).toEqual({ ok: true, addresses: [PUBLIC_V4] });
    expect(await checkEndpoint("https://nowhere.example.com/", failing, production)).toEqual({ ok: false, reason: "unresolved" });
  });
});

describe("webhookEndpointUrlSchema", () => {
  it("accepts an https URL and trims it", () => {
    expect(webhookEndpointUrlSchema(production).parse("  https://hooks.example.com/candor ")).toBe("https://hooks.example.com/candor");
  });

  it("refuses http:// with the setting off and names why", () => {
    const result = webhookEndpointUrlSchema(production).safeParse("http://hooks.example.com/candor");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("not-https");
  });

  it("accepts http:// with the setting on", () => {
    expect(webhookEndpointUrlSchema(development).safeParse("http://127.0.0.1:4123/").success).toBe(true);
  });

  it("refuses blank, a URL over 2,048 characters, and credentials", () => {
    const schema = webhookEndpointUrlSchema(production);
    expect(schema.safeParse("  ").error?.issues[0].message).toBe("required");
    expect(schema.safeParse(`https://h.example.com/${"a".repeat(2048)}`).error?.issues[0].message).toBe("too-long");
    expect(schema.safeParse("https://user:secret@h.example.com/").error?.issues[0].message).toBe("credentials-in-url");
  });
});

describe("endpointHost and addressRange", () => {
  it("gives the bare IPv6 literal and the lowercased name", () => {
    expect(endpointHost("https://[::1]:8443/x")).toBe("::1");
    expect(endpointHost("https://Hooks.Example.com/x")).toBe("hooks.example.com");
  });

  it("looks through IPv4-mapped IPv6 and calls a public address unicast", () => {
    expect(addressRange("::ffff:127.0.0.1")).toEqual({ address: "127.0.0.1", range: "loopback" });
    expect(addressRange(PUBLIC_V6)).toMatchObject({ range: "unicast" });
    expect(addressRange("nope")).toBeNull();
  });
});
