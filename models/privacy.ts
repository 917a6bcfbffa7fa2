import mongoose from 'mongoose';
import type { UserRef } from '../handlers/protocol.js';
import type { ErasedData, PrivacyStore } from '../handlers/ports.js';
import { DecisionModel } from './decision.js';
import { DraftModel } from './draft.js';
import { EntryModel, forgetPublished } from './entry.js';
import { accountKey, personHash } from './keys.js';
import { forgetMedia, mediaFilesOf } from './media-copy.js';
import { forgetPersonInOutbox, forgetRefs, OutboxModel, OutboxRefModel } from './outbox.js';
import { ReportModel } from './report.js';
import { ResultModel } from './results.js';
import { UserModel } from './user.js';
import { VoteModel } from './vote.js';

// A person's data, all of it: what /mydata lists and what /deleteme removes. What stays after
// /deleteme is only the keyed one-way hash (see personHash): on their votes, so nobody votes
// twice in a category, on complaints they made, so nobody reports twice, and as the author of a
// withdrawn entry's empty shell (its number and category, which other people's votes point to).

const authorOf = (ref: UserRef) => ({ 'author.platform': ref.platform, 'author.id': ref.id });

export function createPrivacyStore(secret: string): PrivacyStore {
  const hash = (ref: UserRef) => personHash(secret, ref);

  return {
    async summary(ref) {
      const who = hash(ref);
      const key = accountKey(ref);
      const entries = await EntryModel.find(authorOf(ref), { media: 1 }).lean();
      const [votes, reports, queued, mediaFiles] = await Promise.all([
        VoteModel.countDocuments({ voterHash: who }),
        ReportModel.countDocuments({ reporter: who }),
        OutboxModel.countDocuments({ recipient: key }),
        mediaFilesOf(entries.flatMap((e) => e.media)),
      ]);
      return { votes, reports, queued, mediaFiles };
    },

    async erase(ref): Promise<ErasedData> {
      const entries = await EntryModel.find(authorOf(ref)).lean();
      const ids = entries.map((e) => e._id.toHexString());
      // The posts of their entries in channels: taken down, then forgotten.
      const refs = await OutboxRefModel.find({
        _id: mongoose.trusted({ $in: ids.map((id) => `published:${id}:channel`) }),
      }).lean();
      const channelRefs = (
        await Promise.all(
          ids.map((id) =>
            OutboxRefModel.find({
              _id: mongoose.trusted({ $regex: `^published:${id}:channel:` }),
            }).lean(),
          ),
        )
      ).flat();
      const posts = [...refs, ...channelRefs].map((r) => ({
        key: r._id,
        to: { platform: r.platform, id: r.chat },
        ref: r.ref,
      }));
      await forgetMedia(entries.flatMap((e) => e.media));
      const shell = { platform: 'deleted', id: hash(ref) };
      let withdrawn = 0;
      for (const entry of entries.filter((e) => ['published', 'hidden'].includes(e.status))) {
        // Other people voted for it: its number and category stay, nothing of the person does.
        const history = (entry.history ?? []).filter(
          (h) => !(h.by?.platform === ref.platform && h.by?.id === ref.id),
        );
        await EntryModel.updateOne(
          { _id: entry._id },
          {
            $set: { status: 'withdrawn', story: '', city: '', media: [], author: shell, history },
            $unset: { nominee: 1 },
          },
        );
        withdrawn += 1;
        forgetPublished();
      }
      // The moderators' decisions on entries that go: their reasons may quote the entry.
      await DecisionModel.deleteMany({
        _id: mongoose.trusted({
          $in: entries
            .filter((e) => !['published', 'hidden'].includes(e.status))
            .map((e) => e._id.toHexString()),
        }),
      });
      const deleted = await EntryModel.deleteMany({
        ...authorOf(ref),
        status: mongoose.trusted({ $in: ['pending', 'approved', 'rejected'] }),
      });
      await redactResults(ref, shell);
      // Their votes keep only the keyed hash (one vote per person per category still holds).
      await VoteModel.updateMany({ voterHash: hash(ref) }, { $unset: { voter: 1 } });
      // Votes counted under their phone's key (rules.requirePhone) keep that key, not the account.
      await VoteModel.updateMany({ voter: accountKey(ref) }, { $unset: { voter: 1 } });
      await forgetPersonInOutbox(ref);
      await forgetRefs(posts.map((p) => p.key));
      await DraftModel.deleteOne({ _id: accountKey(ref) });
      await UserModel.deleteOne({ _id: accountKey(ref) });
      return {
        deleted: deleted.deletedCount,
        withdrawn,
        channelPosts: posts.map(({ to, ref: postRef }) => ({ to, ref: postRef })),
      };
    },
  };
}

/** The frozen results name each entry's author: a withdrawn entry's is the shell too. */
async function redactResults(ref: UserRef, shell: { platform: string; id: string }): Promise<void> {
  const frozen = await ResultModel.findById('final').lean();
  if (!frozen) return;
  const rows = frozen.rows as { author?: UserRef }[];
  if (!rows.some((r) => r.author?.platform === ref.platform && r.author.id === ref.id)) return;
  const redacted = rows.map((r) =>
    r.author?.platform === ref.platform && r.author.id === ref.id ? { ...r, author: shell } : r,
  );
  await ResultModel.updateOne({ _id: 'final' }, { $set: { rows: redacted } });
}
