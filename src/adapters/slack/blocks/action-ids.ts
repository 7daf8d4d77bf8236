/**
 * The ids Slack sends back when an officer presses a button or submits a form, shared by the
 * renderers that put them on blocks and the listeners that match them.
 */

/** Action ids of the buttons ziping puts in messages and on the Home tab. */
export const ACTION = {
  /** A choice of a question or of a confirmation: `ziping.choice.<index>`. */
  choice: /^ziping\.choice\.\d+$/ as RegExp,
  skip: "ziping.skip",
  modify: "ziping.modify",
  confirm: "ziping.confirm",
  continueReport: "ziping.home.continue",
  downloadReport: "ziping.home.download",
  newReport: "ziping.home.new",
} as const;

/** The action id of choice `index` (0-based, in the order of the reply's choices). */
export function choiceActionId(index: number): string {
  return `ziping.choice.${index}`;
}

/** The callback id of the 修改数字 modal. */
export const CORRECT_VIEW = "ziping.correct";

/** Block and action ids of the 修改数字 modal's inputs; `view.state.values[block][action]`. */
export const CORRECT_INPUT = {
  figureBlock: "figure",
  figureAction: "figure",
  valueBlock: "value",
  valueAction: "value",
} as const;
