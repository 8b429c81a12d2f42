import "server-only";
import { lookup } from "node:dns/promises";
import {
  checkEndpoint as checkWithGuard,
  type EndpointCheck,
  type EndpointSettings,
  type ResolveHost,
} from "@/lib/propagation/endpoint-guard";
import { config } from "./config";

export type { EndpointCheck, EndpointSettings };

/**
 * Every address a host name has, as the operating system resolves it (A and AAAA, /etc/hosts included):
 * the guard refuses the endpoint when any one of them is not public, and the sender connects to these.
 */
export const resolveHost: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** The guard's settings from the server's configuration: WEBHOOKS_ALLOW_INSECURE, off unless set. */
export function endpointSettings(): EndpointSettings {
  return { allowInsecure: config().webhooksAllowInsecure };
}

/** Whether the development setting that lets webhooks reach plain HTTP and local addresses is on (pages warn when it is). */
export function insecureWebhooksAllowed(): boolean {
  return config().webhooksAllowInsecure;
}

/**
 * The SSRF guard as the server runs it, at save and before each send (DNS can change between the two):
 * the URL's form, then every address the host resolves to now, under the configured setting. On success
 * the caller connects to `addresses`, never to the name again.
 */
export function checkEndpoint(url: string): Promise<EndpointCheck> {
  return checkWithGuard(url, resolveHost, endpointSettings());
}
