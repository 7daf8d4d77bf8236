import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SUBCOMMANDS } from "../../../src/adapters/slack/subcommand.ts";

/**
 * docs/slack-app-manifest.json is what an administrator pastes at api.slack.com/apps; these tests
 * keep it in step with what the Slack adapter registers and calls, so a new listener or Web API
 * call without its event subscription or scope fails here rather than silently in a workspace.
 */

const root = join(import.meta.dirname, "../../..");
const slackDir = join(root, "src/adapters/slack");
const listenersDir = join(slackDir, "listeners");

interface Manifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: {
    name: string;
    description: string;
    long_description: string;
    background_color: string;
  };
  features: {
    app_home: Record<string, boolean>;
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: {
      command: string;
      description: string;
      usage_hint: string;
      should_escape: boolean;
      url?: string;
    }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(join(root, "docs/slack-app-manifest.json"), "utf8")) as Manifest;

/** The source of every listener file. */
const listenerSources = readdirSync(listenersDir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(join(listenersDir, f), "utf8"));

/** The source of every .ts file under src/adapters/slack (listeners and blocks included). */
function slackSources(dir = slackDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? slackSources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [readFileSync(join(dir, e.name), "utf8")]
        : [],
  );
}

function matches(sources: readonly string[], pattern: RegExp): string[] {
  return [...new Set(sources.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1] ?? "")))].sort();
}

/** The events the listeners register: `bolt.event("message", …)`. */
const registeredEvents = matches(listenerSources, /bolt\.event\(\s*"([^"]+)"/g);
/** The slash commands the listeners register: `bolt.command("/ziping", …)`. */
const registeredCommands = matches(listenerSources, /bolt\.command\(\s*"([^"]+)"/g);

/** Which subscriptions deliver a Bolt event name: `message` arrives as message.im/.channels/.groups. */
const SUBSCRIPTIONS: Record<string, readonly string[]> = {
  message: ["message.im", "message.channels", "message.groups"],
};
const subscriptionsOf = (event: string) => SUBSCRIPTIONS[event] ?? [event];

/** The bot scope each subscription needs (app_home_opened needs none). */
const EVENT_SCOPE: Record<string, string | null> = {
  app_home_opened: null,
  app_mention: "app_mentions:read",
  "message.channels": "channels:history",
  "message.groups": "groups:history",
  "message.im": "im:history",
};

/** The bot scope of each Web API method the adapter calls (views.* need none). */
const METHOD_SCOPE: Record<string, string | null> = {
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.postEphemeral": "chat:write",
  "conversations.open": "im:write",
  filesUploadV2: "files:write",
  "views.open": null,
  "views.update": null,
  "views.publish": null,
};

describe("docs/slack-app-manifest.json", () => {
  test("is a version 2 manifest whose texts fit Slack's limits", () => {
    expect(manifest._metadata).toEqual({ major_version: 2, minor_version: 1 });
    const info = manifest.display_information;
    expect(info.name).toBe("ziping 自评");
    expect(info.background_color).toBe("#8c1c13");
    expect([...info.description].length).toBeLessThanOrEqual(140);
    // Slack rejects a long_description under 175 characters.
    expect([...info.long_description].length).toBeGreaterThanOrEqual(175);
    expect([...info.long_description].length).toBeLessThanOrEqual(4000);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.features.bot_user).toEqual({ display_name: "ziping", always_online: true });
  });

  test("declares /ziping, the command the code registers", () => {
    const commands = manifest.features.slash_commands.map((c) => c.command);
    expect(commands).toEqual(["/ziping"]);
    expect(registeredCommands).toEqual(["/ziping"]);
  });

  test("the usage hint names every subcommand of /ziping", () => {
    const hint = manifest.features.slash_commands[0]?.usage_hint ?? "";
    const words = new Set(hint.split(/[\s|[\]]+/).filter((w) => w !== ""));
    const subcommands = Object.keys(SUBCOMMANDS);
    expect(subcommands).toEqual(["new", "continue", "status", "score", "why", "draft", "check", "help"]);
    for (const name of subcommands) expect(words, `usage_hint 缺少 ${name}`).toContain(name);
  });

  test("asks for exactly the bot scopes ziping uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "chat:write",
        "commands",
        "files:read",
        "files:write",
        "groups:history",
        "im:history",
        "im:write",
      ].sort(),
    );
  });

  test("subscribes exactly the bot events ziping handles, each with its scope", () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect([...events].sort()).toEqual([
      "app_home_opened",
      "app_mention",
      "message.channels",
      "message.groups",
      "message.im",
    ]);
    const scopes = manifest.oauth_config.scopes.bot;
    for (const e of events) {
      expect(Object.keys(EVENT_SCOPE), `没有 ${e} 所需权限的记录`).toContain(e);
      const scope = EVENT_SCOPE[e];
      if (scope !== null && scope !== undefined) expect(scopes, `${e} 需要 ${scope}`).toContain(scope);
    }
  });

  test("every event a listener registers is subscribed, and every subscription has a listener", () => {
    expect(registeredEvents).toEqual(["app_home_opened", "app_mention", "message"]);
    const subscribed = manifest.settings.event_subscriptions.bot_events;
    for (const event of registeredEvents)
      for (const s of subscriptionsOf(event))
        expect(subscribed, `bolt.event("${event}") 需要订阅 ${s}`).toContain(s);
    const handled = new Set(registeredEvents.flatMap(subscriptionsOf));
    for (const s of subscribed) expect(handled.has(s), `订阅了 ${s}，但没有监听器`).toBe(true);
  });

  test("every Web API method the adapter calls is covered by a scope", () => {
    const sources = slackSources();
    // `client.chat.postMessage(`, `client.filesUploadV2(`: any namespace, so a new kind of call is caught.
    const called = matches(sources, /\bclient\.([a-z]+\.[A-Za-z]+|filesUploadV2)\(/g);
    expect(called.length).toBeGreaterThan(0);
    const scopes = manifest.oauth_config.scopes.bot;
    for (const method of called) {
      expect(Object.keys(METHOD_SCOPE), `没有 ${method} 所需权限的记录`).toContain(method);
      const scope = METHOD_SCOPE[method];
      if (scope !== null && scope !== undefined) expect(scopes, `${method} 需要 ${scope}`).toContain(scope);
    }
    // Uploaded files are downloaded with the bot token (files:read).
    expect(sources.some((s) => s.includes("url_private_download"))).toBe(true);
    expect(scopes).toContain("files:read");
    expect(scopes).toContain("commands");
  });

  test("is set up for Socket Mode: no request URLs, interactivity on", () => {
    const s = manifest.settings;
    expect(s.socket_mode_enabled).toBe(true);
    expect(s.interactivity.is_enabled).toBe(true);
    expect(s.org_deploy_enabled).toBe(false);
    expect(s.token_rotation_enabled).toBe(false);
    expect(s.event_subscriptions.request_url).toBeUndefined();
    expect(s.interactivity.request_url).toBeUndefined();
    for (const c of manifest.features.slash_commands) expect(c.url).toBeUndefined();
  });
});
