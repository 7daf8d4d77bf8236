import { createHash } from "node:crypto";

/**
 * A multipart/form-data body as the SDK's upload sends it (Apache HttpClient, browser-compatible
 * mode, UTF-8): the text parameters, then the file in the part "media" under its own name. The boundary is derived from the content, so one upload is always the same bytes.
 */
export function multipartBody(
  params: Record<string, string>,
  file: { name: string; bytes: Uint8Array },
): { contentType: string; body: Buffer } {
  const boundary = `ziping-${createHash("sha256").update(file.bytes).digest("hex").slice(0, 24)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(params))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        "utf8",
      ),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${file.name.replace(/["\r\n]/g, "_")}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      "utf8",
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"),
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}
