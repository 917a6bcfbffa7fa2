import { z } from 'zod';
import { LANGS, PLATFORM_NAME } from './protocol.js';

// The campaign file: everything an organiser changes between contests without touching code.

const localized = z.object({
  kk: z.string().trim().min(1),
  ru: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real date');

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone such as Asia/Almaty');

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM');

/** Category ids travel inside Telegram callback data (64 bytes in all), so they stay short. */
export const CATEGORY_ID = /^[a-z0-9_]{1,16}$/;

export const categorySchema = z.object({
  id: z.string().regex(CATEGORY_ID, 'must be 1-16 characters of a-z, 0-9 and _'),
  name: localized,
});

export const campaignSchema = z
  .object({
    name: localized,
    timeZone: timeZone.default('Asia/Almaty'),
    defaultLanguage: z.enum(LANGS).default('ru'),
    dates: z.object({
      submissionsOpen: isoDate,
      submissionsClose: isoDate,
      publication: isoDate,
      votingClose: isoDate,
      gala: isoDate,
      broadcast: isoDate,
    }),
    categories: z.array(categorySchema).min(1, 'needs at least one category'),
    schedule: z
      .object({
        /** Local time at which day-based announcements go out (nobody wants one at midnight). */
        announceAt: hhmm.default('10:00'),
        /** Days before entries close that everyone is reminded. */
        closingReminderDays: z.number().int().min(0).max(14).default(2),
        /** Local time of the awards ceremony on the gala day: results are announced then. */
        galaTime: hhmm.default('19:00'),
        /** How many places per category win a prize: a tie among them is flagged. */
        prizePlaces: z.number().int().min(1).max(10).default(3),
      })
      .prefault({}),
    rules: z
      .object({
        storyMinLength: z.number().int().min(1).default(20),
        storyMaxLength: z.number().int().max(3000).default(1000),
        cityMaxLength: z.number().int().min(2).max(100).default(60),
        nomineeMaxLength: z.number().int().min(2).max(200).default(100),
        maxPhotos: z.number().int().min(1).max(10).default(5),
        // Telegram's getFile downloads at most 20 MB, so a larger video could never be copied.
        maxVideoMb: z.number().int().min(1).max(20).default(20),
        /** Entries one account may have waiting for the moderators at once. */
        maxPendingPerAccount: z.number().int().min(1).max(100).default(3),
        /** Entries waiting for the moderators in all: past it, new ones are asked to wait. */
        maxPendingTotal: z.number().int().min(1).default(20_000),
        allowSelfVote: z.boolean().default(false),
        /**
         * Telegram voters share their own phone number before their first vote (a contact
         * button); only its keyed hash is kept, and one number votes once per category.
         */
        requirePhone: z.boolean().default(false),
        /** The country codes (digits) a shared number must begin with; Kazakhstan is 7. */
        phonePrefixes: z
          .array(z.string().regex(/^\d{1,4}$/))
          .min(1)
          .default(['7']),
        showLiveCounts: z.boolean().default(true),
      })
      .prefault({}),
    /**
     * A jury, when the campaign wants one (jury.ts): its members score the finalists (the top
     * `finalists` of each category by public vote) from 1 to 10, and the final ranking of the
     * finalists weighs their share of the public vote by `publicWeight` and their share of the
     * jury's scores by the rest. No members: the public vote alone decides.
     */
    jury: z
      .object({
        members: z
          .array(
            z.object({
              platform: z.string().regex(PLATFORM_NAME, 'must be a platform such as telegram'),
              id: z.string().regex(/^\d{1,19}$/, "must be the account's numeric id"),
              name: z.string().trim().min(1).max(100).optional(),
            }),
          )
          .default([]),
        finalists: z.number().int().min(1).max(20).default(3),
        publicWeight: z.number().min(0).max(1).default(0.5),
      })
      .prefault({}),
    /**
     * The vote analysis (fraud.ts): each threshold says when votes look organised. It proposes;
     * moderators decide. Families share phones and offices share networks: a cluster is a
     * question to look into, never a verdict.
     */
    fraud: z
      .object({
        /** A vote this soon after the voter's first contact with the bot is a new account's. */
        newAccountMinutes: z.number().int().min(1).max(1440).default(10),
        /** Suspicious votes no further apart than this form one group. */
        windowMinutes: z.number().int().min(1).max(1440).default(10),
        /** The fewest votes a proposed cluster has. */
        minClusterSize: z.number().int().min(2).max(10_000).default(10),
        /** Voter ids no further apart than this, in a run, look registered together. */
        idGap: z.number().int().min(1).max(1_000_000).default(1_000),
        /** Votes for one entry within a minute at which they count as a burst. */
        burstVotesPerMinute: z.number().int().min(2).max(100_000).default(20),
        /** Languages a voter's client is expected to speak (its first part: "ru" of "ru-KZ"). */
        clientLanguages: z
          .array(z.string().regex(/^[a-z]{2,3}$/))
          .min(1)
          .default([...LANGS]),
        /** How often the analysis runs by itself while voting is open. */
        everyMinutes: z.number().int().min(5).max(1440).default(60),
        /**
         * With a membership rule (voters must be in a channel or community): membership is
         * checked again before the close, starting `hoursBeforeClose` hours before it (0: never),
         * `perSecond` voters a second; votes of voters who left are flagged for the moderators,
         * or voided at the close when `voidLeavers` says so.
         */
        membershipRecheck: z
          .object({
            hoursBeforeClose: z.number().min(0).max(72).default(3),
            perSecond: z.number().int().min(1).max(1000).default(20),
            voidLeavers: z.boolean().default(false),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    const d = c.dates;
    const order: [keyof typeof d, keyof typeof d][] = [
      ['submissionsOpen', 'submissionsClose'],
      ['submissionsClose', 'publication'],
      ['publication', 'votingClose'],
      ['votingClose', 'gala'],
      ['gala', 'broadcast'],
    ];
    for (const [a, b] of order) {
      const strictly = a === 'submissionsClose' || a === 'votingClose';
      if (strictly ? d[a] >= d[b] : d[a] > d[b]) {
        ctx.addIssue({
          code: 'custom',
          path: ['dates', b],
          message: `must come ${strictly ? 'after' : 'on or after'} dates.${a} (${d[a]})`,
        });
      }
    }
    const ids = new Set<string>();
    c.categories.forEach((cat, i) => {
      if (ids.has(cat.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'id'],
          message: `"${cat.id}" is used twice`,
        });
      }
      ids.add(cat.id);
    });
    if (c.rules.storyMinLength > c.rules.storyMaxLength) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'storyMinLength'],
        message: 'is above storyMaxLength',
      });
    }
  });

export type Campaign = z.infer<typeof campaignSchema>;
export type Category = z.infer<typeof categorySchema>;

/** Turns zod's issues into lines an organiser can act on: "dates.gala: must come after …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)
    .join('\n');
}

export function findCategory(campaign: Campaign, id: string | undefined): Category | undefined {
  return campaign.categories.find((c) => c.id === id);
}
