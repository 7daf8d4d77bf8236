import { afterEach, test } from "vitest";
import { text, type WeComTestbed, weComTestbed } from "./wecom-testbed.ts";

let t: WeComTestbed;
afterEach(async () => {
  await t.close();
  await t.fake.close();
});

test("explore", async () => {
  t = await weComTestbed();
  console.log(JSON.stringify(t.fake.frames, null, 1));
  await t.say(text("郑州市金水区电子政务中心，2021年度部门整体绩效自评，地区：河南省郑州市金水区"));
  console.log(JSON.stringify(t.fake.sent(), null, 1));
});
