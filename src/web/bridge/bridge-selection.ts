/** What the deal panel shows: the deals behind a figure the person clicked. */
export type BridgeSelection = {
  title: string;
  dealIds: readonly string[];
  /** Per-deal amounts when the figure is a step (a deal may appear more than once). */
  amounts?: readonly { id: string; amount: string; change: string }[];
};
