// Shared links, built and read in one place. Every platform opens an entry from what its link
// carries after the bot's address (Telegram's ?start=, VK's ?ref=): "e17" opens entry 17. The
// edges put it in their own kind of address; the core reads it back from `/start e17`.

/** What a link to entry `number` carries. */
export function entryLinkArg(number: number): string {
  return `e${number}`;
}

/** The entry a link's argument opens, or null when it opens none. */
export function entryOfLinkArg(arg: string): number | null {
  const link = /^e([1-9]\d{0,6})$/.exec(arg);
  return link ? Number(link[1]) : null;
}
