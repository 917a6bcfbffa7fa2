import { Schema, model } from 'mongoose';
import type { Decision } from '../handlers/ports.js';
import { isDuplicateKey } from './errors.js';

// An entry is decided once: two moderators pressing at the same moment (in chat, in the panel,
// on two platforms) make one decision, and the second is told who made it. The decision is an
// inserted document whose _id is the entry's: the unique index makes the first one win on every
// Mongo-wire server. (A conditional update — "set approved where pending" — is not enough on
// FerretDB 1.x, which does not isolate updates: two at once can both apply.)

const decisionSchema = new Schema({
  /** The entry's id. */
  _id: { type: String, required: true },
  status: { type: String, required: true },
  by: { type: Schema.Types.Mixed, required: true },
  at: { type: Date, required: true },
  reason: { type: Schema.Types.Mixed },
  event: String,
});
export const DecisionModel = model('Decision', decisionSchema);

/** Takes the decision for an entry; the decision already taken when someone was first. */
export async function claimDecision(
  entryId: string,
  decision: Decision,
): Promise<{ first: true } | { first: false; taken: Decision }> {
  try {
    await DecisionModel.create({ _id: entryId, ...decision });
    return { first: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const doc = await DecisionModel.findById(entryId).lean();
  if (!doc) throw new Error(`decision for ${entryId} vanished`);
  const { _id, ...taken } = doc as unknown as Decision & { _id: string };
  return { first: false, taken };
}
