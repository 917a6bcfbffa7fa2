import { instant } from './campaign-clock.js';
import type { Text, UserRef } from './protocol.js';
import { t, type Deps } from './turn.js';

// The membership rule, held to the end: a voter who joined a channel to vote and left right after
// should not count. Before the close their membership is asked for again, and at the close the
// votes of those who left are voided or flagged for the moderators, as the campaign file says.

/** Who made a void the bot made itself, in the audit log. */
const SYSTEM: UserRef = { platform: 'system', id: 'membership-recheck' };

/**
 * With a membership rule, voters are checked again before the close: from
 * `membershipRecheck.hoursBeforeClose` hours before it, every counted vote's voter is asked for,
 * `perSecond` a second (within the platforms' limits), a page at a time from where the last call
 * stopped, for at most `budgetMs`. The votes of voters who left are flagged. Returns how many
 * voters it checked.
 */
/** True in the hours before the close when there is a membership rule to hold. */
export function recheckDue(deps: Deps): boolean {
  const rules = deps.campaign.fraud.membershipRecheck;
  if (!rules.hoursBeforeClose || !Object.keys(deps.membership ?? {}).length) return false;
  const now = deps.clock.now().getTime();
  const close = instant(deps.campaign, deps.campaign.dates.votingClose, '00:00', 1).getTime();
  return now >= close - rules.hoursBeforeClose * 3_600_000 && now < close;
}

export async function recheckMembership(deps: Deps, budgetMs: number): Promise<number> {
  const rules = deps.campaign.fraud.membershipRecheck;
  const membership = deps.membership ?? {};
  if (!recheckDue(deps)) return 0;
  const state = (await deps.stores.fraud.recheckState()) ?? {
    cursor: '',
    checked: 0,
    left: 0,
    done: false,
  };
  if (state.done) return 0;
  const until = Date.now() + budgetMs;
  const gap = 1000 / rules.perSecond;
  let checked = 0;
  while (Date.now() < until) {
    const page = await deps.stores.fraud.votersAfter(state.cursor, 100);
    if (page.cursor === state.cursor) {
      state.done = true;
      break;
    }
    for (const voter of page.voters) {
      const rule = membership[voter.platform];
      if (!rule) continue;
      const started = Date.now();
      if (!(await rule.isMember(voter))) {
        await deps.stores.fraud.flagLeft(voter);
        state.left += 1;
      }
      checked += 1;
      state.checked += 1;
      const wait = gap - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    state.cursor = page.cursor;
    await deps.stores.fraud.saveRecheck(state);
  }
  await deps.stores.fraud.saveRecheck(state);
  return checked;
}

/**
 * At the close, before the freeze: the votes of voters who left are voided when the campaign
 * says so; otherwise the moderators are told how many are flagged (they decide: /void left).
 */
export async function settleLeavers(deps: Deps): Promise<Text | null> {
  const left = await deps.stores.fraud.countLeft();
  if (!left) return null;
  if (!deps.campaign.fraud.membershipRecheck.voidLeavers)
    return t('recheck-flagged', { votes: left });
  const done = await deps.stores.voids.void(
    { kind: 'left' },
    { key: 'void-reason-left' },
    SYSTEM,
    deps.clock.now(),
  );
  return t('recheck-voided', { votes: done?.votes ?? 0 });
}
