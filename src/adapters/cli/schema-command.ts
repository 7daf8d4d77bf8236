import { z } from "zod";
import { ReportSchema } from "../../core/report.ts";
import { type CliIo, EXIT } from "./output.ts";

/** `ziping schema`: prints the JSON Schema of a report file (the input form, as files are written). */
export function schemaCommand(io: CliIo): number {
  const schema = z.toJSONSchema(ReportSchema, { io: "input", unrepresentable: "any" });
  io.out(JSON.stringify({ title: "ziping 绩效自评报告", ...schema }, null, 2));
  return EXIT.ok;
}
