import type { App as BoltApp } from "@slack/bolt";
import { homeView } from "../blocks/home-view.ts";
import { EventEnvelopeSchema, HomeOpenedSchema } from "../payloads.ts";
import type { SlackContext } from "../slack-context.ts";
import { slackUserId } from "../slack-place.ts";

/** App Home: the officer's reports (their own and their units') with progress, score and buttons. */
export function registerHome(bolt: BoltApp, ctx: SlackContext): void {
  bolt.event("app_home_opened", async ({ event, body, client }) => {
    const e = HomeOpenedSchema.safeParse(event);
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (!e.success || !envelope.success || (e.data.tab !== undefined && e.data.tab !== "home")) return;
    const userId = slackUserId(envelope.data.team_id, e.data.user);
    await publishHome(ctx, client, e.data.user, userId);
  });
}

/** Publishes (or refreshes) a user's App Home. */
export async function publishHome(
  ctx: SlackContext,
  client: Parameters<Parameters<BoltApp["event"]>[1]>[0]["client"],
  slackUser: string,
  userId: string,
): Promise<void> {
  const ziping = ctx.ziping;
  const reports = await ziping.listReports({ user: userId, admin: false });
  await client.views.publish({
    user_id: slackUser,
    view: homeView({ userId, reports, units: await ziping.unitsOf(userId) }),
  });
}
