import { type DingTalkSettings, dingtalkSettings } from "../adapters/dingtalk/dingtalk-settings.ts";
import { type GovDingTalkSettings, govDingTalkSettings } from "../adapters/govdingtalk/gov-settings.ts";
import { type SlackSettings, slackSettings } from "../adapters/slack/slack-settings.ts";
import type { WeComSettings } from "../adapters/wecom/wecom-settings.ts";
import { weComLeaseKey, weComSettings } from "../adapters/wecom/wecom-settings.ts";
import type { Config } from "../config.ts";
import type { ChannelPlan } from "../services/channel-port.ts";

/**
 * A plan whose adapter module is loaded only when it starts (the terminal chat pays for none);
 * with `leaseKey`, held by one instance at a time through that lease (`single`).
 */
function lazy(name: string, load: () => Promise<ChannelPlan>, leaseKey?: string): ChannelPlan {
  return {
    name,
    ...(leaseKey === undefined ? {} : { single: true, leaseKey }),
    start: async (ziping, config) => (await load()).start(ziping, config),
  };
}

/** One platform's settings as read from {@link Config}: none set, complete, or partial (`why`). */
type Settings<T> = { ok: true; settings: T } | { ok: false; why?: string };

/** A platform ziping can chat on: its name, what to read first when its settings are partial, its plan. */
interface Platform<T> {
  name: string;
  /** Where the README explains its settings, for the partial-settings message. */
  readme: string;
  prefix: string;
  settings(config: Config): Settings<T>;
  plan(settings: T): ChannelPlan;
}

const SLACK: Platform<SlackSettings> = {
  name: "Slack",
  readme: "在 Slack 中使用",
  prefix: "SLACK_",
  settings: slackSettings,
  plan: (settings) =>
    lazy("Slack", async () => (await import("../adapters/slack/start-slack.ts")).slackChannel(settings)),
};

const DINGTALK: Platform<DingTalkSettings> = {
  name: "钉钉",
  readme: "在钉钉中使用",
  prefix: "DINGTALK_",
  settings: dingtalkSettings,
  plan: (settings) =>
    lazy("钉钉", async () => (await import("../adapters/dingtalk/start-dingtalk.ts")).dingtalkPlan(settings)),
};

const GOV_DINGTALK: Platform<GovDingTalkSettings> = {
  name: "政务钉钉",
  readme: "在政务钉钉中使用",
  prefix: "GOV_DINGTALK_",
  settings: govDingTalkSettings,
  plan: (settings) =>
    lazy("政务钉钉", async () =>
      (await import("../adapters/govdingtalk/start-gov-dingtalk.ts")).govDingTalkPlan(settings),
    ),
};

const WECOM: Platform<WeComSettings> = {
  name: "企业微信",
  readme: "在企业微信中使用",
  prefix: "WECOM_",
  settings: weComSettings,
  plan: (settings) =>
    // The AI bot allows one connection: with several instances only its lease holder connects.
    lazy(
      "企业微信",
      async () => (await import("../adapters/wecom/start-wecom.ts")).weComPlan(settings),
      weComLeaseKey(settings),
    ),
};

/** A name followed by a space when it is Latin ("Slack 设置"), not when it is Chinese ("钉钉设置"). */
function spaced(name: string): string {
  return /[A-Za-z]$/.test(name) ? `${name} ` : name;
}

/** What `npm start` without arguments runs: the terminal chat, the configured channels, or a settings mistake. */
export type StartChoice =
  | { kind: "terminal" }
  | { kind: "channels"; plans: ChannelPlan[] }
  | { kind: "mistake"; message: string };

/**
 * The channels the settings ask for. No channel variable at all is the terminal chat (the embedded
 * default); a platform whose settings are partial is a mistake named in Chinese with what is
 * missing, never a silent fallback to the terminal; several complete platforms start together.
 */
export function startChoice(config: Config): StartChoice {
  const plans: ChannelPlan[] = [];
  const mistakes: string[] = [];
  const take = <T>(platform: Platform<T>) => {
    const read = platform.settings(config);
    if (read.ok) plans.push(platform.plan(read.settings));
    else if (read.why !== undefined)
      mistakes.push(
        `${spaced(platform.name)}设置不完整：${read.why}。\n请补全 .env 中的${/^[A-Za-z]/.test(platform.name) ? " " : ""}${spaced(platform.name)}设置（参见 .env.example 和 README“${platform.readme}”），或删去全部 ${platform.prefix} 变量。`,
      );
  };
  take(SLACK);
  take(DINGTALK);
  take(GOV_DINGTALK);
  take(WECOM);
  if (mistakes.length > 0)
    return {
      kind: "mistake",
      message: `${mistakes.join("\n")}\n没有任何聊天平台的设置时，npm start 打开终端对话。`,
    };
  return plans.length === 0 ? { kind: "terminal" } : { kind: "channels", plans };
}
