import { fail, ok, type Result } from "../../core/result.ts";
import { renderTable } from "../../rendering/text-table.ts";
import type { UnitRole, Ziping } from "../../services/ziping.ts";
import { type CliIo, EXIT, type WithZiping } from "./output.ts";

/** The usage lines of `ziping units`, printed under every usage error of the command. */
export const UNITS_USAGE = `用法：
  ziping units add <单位名称> <用户编号> [--admin] [--db 路径]
  ziping units remove <单位名称> <用户编号> [--db 路径]
  ziping units list [用户编号] [--db 路径]
用户编号：Slack 用户写作 slack:团队编号:用户编号（如 slack:T0123:U0456），终端用户写登录名。`;

const UNIT = "郑州市金水区电子政务中心";
const USER = "slack:T0123:U0456";
const SLACK_USER = /^slack:[A-Z0-9]+:[A-Z0-9]+$/;
const ROLE_LABEL: Record<UnitRole, string> = { member: "成员", admin: "管理员" };

/** What `ziping units …` asks for, once its arguments are read. */
export type UnitsRequest =
  | { action: "add"; unitName: string; userId: string; role: UnitRole }
  | { action: "remove"; unitName: string; userId: string }
  | { action: "list"; userId: string | null };

const example = (action: string, admin = false): string =>
  `例如：ziping units ${action} ${action === "list" ? USER : `${UNIT} ${USER}`}${admin ? " --admin" : ""}`;

function readUserId(action: string, raw: string | undefined): Result<string> {
  const id = raw?.trim() ?? "";
  if (id === "")
    return fail(
      "units.user_missing",
      `ziping units ${action} 缺少 <用户编号>：应为 slack:团队编号:用户编号 或终端登录名。${example(action)}`,
    );
  if (id.startsWith("slack:") && !SLACK_USER.test(id))
    return fail(
      "units.user_malformed",
      `<用户编号>“${id}”不是 Slack 用户编号的写法：应为 slack:团队编号:用户编号（大写字母和数字）。${example(action)}`,
    );
  return ok(id);
}

/**
 * Reads the arguments after `ziping units` (and the --admin flag). Every problem names the
 * argument, the form expected and an example.
 */
export function parseUnitsArgs(args: readonly string[], admin: boolean): Result<UnitsRequest> {
  const [action, ...rest] = args;
  if (action !== "add" && action !== "remove" && action !== "list")
    return fail(
      "units.action",
      `ziping units 需要 add、remove 或 list${action === undefined ? "" : `（读到“${action}”）`}。${example("add")}`,
    );
  if (admin && action !== "add")
    return fail("units.admin_flag", `--admin 只能用于 ziping units add。${example("add", true)}`);
  const most = action === "list" ? 1 : 2;
  const extra = rest[most];
  if (extra !== undefined)
    return fail(
      "units.extra",
      `ziping units ${action} 多了参数“${extra}”${action === "list" ? "：最多写一个 <用户编号>" : "：<单位名称> 中有空格时请加引号"}。${example(action)}`,
    );
  if (action === "list") {
    if (rest[0] === undefined) return ok({ action, userId: null });
    const userId = readUserId(action, rest[0]);
    return userId.ok ? ok({ action, userId: userId.value }) : userId;
  }
  const unitName = rest[0]?.trim() ?? "";
  if (unitName === "")
    return fail(
      "units.unit_missing",
      `ziping units ${action} 缺少 <单位名称>：应为报告中填写的单位全称。${example(action)}`,
    );
  const userId = readUserId(action, rest[1]);
  if (!userId.ok) return userId;
  return action === "add"
    ? ok({ action, unitName, userId: userId.value, role: admin ? "admin" : "member" })
    : ok({ action, unitName, userId: userId.value });
}

/**
 * `ziping units add | remove | list`: who belongs to which 单位. A unit member can open every
 * report whose unit name is that unit; the Slack app has no other way to learn it. Asks nothing,
 * prints what it did; bad usage (checked before the database is opened) and removing a membership
 * that does not exist exit 2.
 */
export function unitsCommand(
  io: CliIo,
  args: readonly string[],
  options: { admin: boolean; now: Date; withZiping: WithZiping },
): Promise<number> | number {
  const request = parseUnitsArgs(args, options.admin);
  if (!request.ok) {
    io.err(`${request.error.message}\n\n${UNITS_USAGE}`);
    return EXIT.badInput;
  }
  return options.withZiping((ziping) => run(io, ziping, request.value, options.now));
}

async function run(io: CliIo, ziping: Ziping, request: UnitsRequest, now: Date): Promise<number> {
  switch (request.action) {
    case "add": {
      const { unitName, userId, role } = request;
      const before = await ziping.addUnitMember(unitName, userId, role, now);
      if (before === role) io.out(`${userId} 已是单位“${unitName}”的${ROLE_LABEL[role]}，未作改动。`);
      else if (before === undefined)
        io.out(`已将 ${userId} 加入单位“${unitName}”，角色：${ROLE_LABEL[role]}。`);
      else io.out(`已将 ${userId} 在单位“${unitName}”的角色由${ROLE_LABEL[before]}改为${ROLE_LABEL[role]}。`);
      return EXIT.ok;
    }
    case "remove": {
      const { unitName, userId } = request;
      if (!(await ziping.removeUnitMember(unitName, userId))) {
        io.err(
          `${userId} 不是单位“${unitName}”的成员，没有可移除的成员关系。用 ziping units list ${userId} 查看该用户所属的单位。`,
        );
        return EXIT.badInput;
      }
      io.out(`已将 ${userId} 移出单位“${unitName}”。`);
      return EXIT.ok;
    }
    case "list":
      return request.userId === null ? listAll(io, ziping) : listUser(io, ziping, request.userId);
  }
}

async function listUser(io: CliIo, ziping: Ziping, userId: string): Promise<number> {
  const units = await ziping.unitsOf(userId);
  if (units.length === 0) {
    io.out(`${userId} 不属于任何单位。加入单位：ziping units add ${UNIT} ${userId}`);
    return EXIT.ok;
  }
  io.out([`${userId} 属于 ${units.length} 个单位：`, ...units.map((u) => `  ${u}`)].join("\n"));
  return EXIT.ok;
}

async function listAll(io: CliIo, ziping: Ziping): Promise<number> {
  const rows = await ziping.unitMemberships();
  if (rows.length === 0) {
    io.out(`还没有单位成员。${example("add")}`);
    return EXIT.ok;
  }
  const units = new Set(rows.map((r) => r.unitName)).size;
  const table = rows.map((r) => [r.unitName, r.userId, ROLE_LABEL[r.role]]);
  io.out(renderTable("单位成员", ["单位", "用户编号", "角色"], table, 60));
  io.out(`共 ${units} 个单位，${rows.length} 条成员关系。`);
  return EXIT.ok;
}
