import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { GovDingTalkClient } from "../../../src/adapters/govdingtalk/gov-client.ts";

/** A private CA and a certificate it signed for 127.0.0.1 (made for these tests; the key is no secret). */
const TLS = join(import.meta.dirname, "tls");
const CA = readFileSync(join(TLS, "ca.pem"), "utf8");

let server: https.Server;
let host: string;
beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  server = https.createServer(
    { cert: readFileSync(join(TLS, "server.pem")), key: readFileSync(join(TLS, "server-key.pem")) },
    (_request, response) =>
      response.writeHead(200, { "Content-Type": "application/json" }).end(
        JSON.stringify({
          success: true,
          content: { success: true, data: { accessToken: "t", expiresIn: 7200 } },
        }),
      ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  nock.cleanAll();
});

function client(ca?: string): GovDingTalkClient {
  return new GovDingTalkClient({
    host,
    appKey: "ak",
    appSecret: "sk",
    tenantId: "1",
    ip: "10.0.0.1",
    mac: "02:00:00:00:00:01",
    clock: () => new Date(),
    timeoutMs: 10_000,
    ...(ca === undefined ? {} : { ca }),
  });
}

describe("a private deployment whose certificate a provincial CA signed (GOV_DINGTALK_CA_FILE)", () => {
  test("with the CA given, the gateway is reached over TLS", async () => {
    expect(await client(CA).accessToken()).toEqual({ ok: true, value: "t" });
  });

  test("without it, the certificate is refused and the message names the setting", async () => {
    const refused = await client().accessToken();
    expect(refused.ok ? "" : refused.error.code).toBe("govdingtalk.tls");
    expect(refused.ok ? "" : refused.error.message).toMatch(
      /^无法验证 https:\/\/127\.0\.0\.1:\d+ 的证书（[A-Z_]+）。专有部署请把其根证书（PEM）路径写入 GOV_DINGTALK_CA_FILE，例如 \/etc\/ziping\/dg-work-ca\.pem。$/,
    );
  });
});
