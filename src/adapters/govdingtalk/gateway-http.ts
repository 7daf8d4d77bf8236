import http from "node:http";
import https from "node:https";
import { fail, ok, type Result } from "../../core/result.ts";

/** One HTTP answer of the gateway: status, content type and the bytes (at most the limit asked for). */
export interface GatewayAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** How requests leave: the CA of a private deployment, a deadline, a cap on what is read. */
export interface HttpOptions {
  /** PEM of the CA that signed the host's certificate; undefined: the system's CAs. */
  ca?: string;
  timeoutMs: number;
}

const agents = new Map<string, https.Agent>();

/** One keep-alive agent per CA, so connections to the gateway are reused. */
function agentFor(ca: string): https.Agent {
  let agent = agents.get(ca);
  if (agent === undefined) {
    agent = new https.Agent({ ca, keepAlive: true });
    agents.set(ca, agent);
  }
  return agent;
}

/**
 * Sends one request with node:http(s) (an https.Agent carries the configured CA), stops after
 * `timeoutMs` or past `limit` bytes, and says why in Chinese without the URL's query (which may
 * hold an access token).
 */
export function sendRequest(
  url: URL,
  init: { method: "GET" | "POST"; headers: Record<string, string>; body?: Buffer; limit: number },
  options: HttpOptions,
): Promise<Result<GatewayAnswer>> {
  const where = `${url.origin}${url.pathname}`;
  const secure = url.protocol === "https:";
  const agent = secure && options.ca !== undefined ? agentFor(options.ca) : undefined;
  const headers = {
    ...init.headers,
    ...(init.body === undefined ? {} : { "Content-Length": String(init.body.length) }),
  };
  return new Promise((resolve) => {
    const request = (secure ? https : http).request(
      url,
      { method: init.method, headers, ...(agent === undefined ? {} : { agent }) },
      (response) => {
        const chunks: Buffer[] = [];
        let total = 0;
        response.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > init.limit) {
            response.destroy();
            resolve(fail("file.too_large", `文件超过 ${sizeText(init.limit)} 的上限，未读取。`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          resolve(
            ok({
              status: response.statusCode ?? 0,
              contentType: String(response.headers["content-type"] ?? ""),
              body: Buffer.concat(chunks),
            }),
          ),
        );
        response.on("error", () => resolve(networkFailure(where)));
      },
    );
    request.setTimeout(options.timeoutMs, () => {
      request.destroy();
      resolve(
        fail(
          "govdingtalk.timeout",
          `政务钉钉接口 ${where} 在 ${options.timeoutMs / 1000} 秒内没有应答。请检查本机能否访问该地址（专有网络、防火墙、IP 白名单），然后重试。`,
        ),
      );
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve(
        error.code?.startsWith("ERR_TLS") || /certificate/i.test(error.message)
          ? fail(
              "govdingtalk.tls",
              `无法验证 ${url.origin} 的证书（${error.code ?? "TLS"}）。专有部署请把其根证书（PEM）路径写入 GOV_DINGTALK_CA_FILE，例如 /etc/ziping/dg-work-ca.pem。`,
            )
          : networkFailure(where),
      ),
    );
    if (init.body !== undefined) request.write(init.body);
    request.end();
  });
}

/** "5 MB", or "800 KB" under a megabyte. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function networkFailure(where: string): Result<never> {
  return fail(
    "govdingtalk.network",
    `无法连接政务钉钉接口 ${where}。请检查 GOV_DINGTALK_API_HOST 和本机到该地址的网络（政务外网、代理、IP 白名单）。`,
  );
}
