import { describe, expect, it } from "vitest";
import { redactUrlSecrets } from "../../src/core/redact-url.ts";

describe("redactUrlSecrets", () => {
  it("masks the login of a URL, keeping scheme, host and path", () => {
    expect(redactUrlSecrets("https://alice:pa55@gw.example.com:8443/v1")).toBe(
      "https://***@gw.example.com:8443/v1",
    );
    expect(redactUrlSecrets("http://sk-token-only@10.0.0.5/v1")).toBe("http://***@10.0.0.5/v1");
  });

  it("masks the value of every credential parameter, whatever its spelling, and keeps the others", () => {
    expect(
      redactUrlSecrets(
        "https://x.openai.azure.com/v1?api-version=2024-06-01&api-key=abc.def~1&Token=T0k&model=m",
      ),
    ).toBe("https://x.openai.azure.com/v1?api-version=2024-06-01&api-key=***&Token=***&model=m");
    expect(redactUrlSecrets("http://h/v1?key=k1;access_token=a%2Fb&apikey=z&x_api_key=q")).toBe(
      "http://h/v1?key=***;access_token=***&apikey=***&x_api_key=***",
    );
  });

  it("works inside a Chinese message and stops the value at the first character a URL cannot hold", () => {
    expect(redactUrlSecrets("无法连接模型服务 http://u:p@h/v1?key=abc：连接被拒绝（ECONNREFUSED）。")).toBe(
      "无法连接模型服务 http://***@h/v1?key=***：连接被拒绝（ECONNREFUSED）。",
    );
  });

  it("leaves text without secrets unchanged: a monkey= parameter, an e-mail, a plain URL", () => {
    const plain = "见 https://api.deepseek.com/v1?monkey=1 或写信给 ops@example.com";
    expect(redactUrlSecrets(plain)).toBe(plain);
  });
});
