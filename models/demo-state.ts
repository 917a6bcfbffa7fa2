import { Schema, model, type Model } from 'mongoose';
import { models } from './connection.js';

// The terminal demo's own state, kept in its database beside the data it made: the day its
// campaign is built around and where its clock stood, so a second `npm start` goes on where the
// first one stopped instead of showing one run's results in another run's phases.

const demoStateSchema = new Schema({
  _id: { type: String, required: true },
  /** The day the demo's campaign dates are counted from (YYYY-MM-DD). */
  anchor: { type: String, required: true },
  /** The demo clock's time when it was last used. */
  at: { type: Date, required: true },
});
const DemoStateModel = model('DemoState', demoStateSchema);

export interface DemoState {
  anchor: string;
  at: Date;
}

export async function loadDemoState(): Promise<DemoState | null> {
  const row = await DemoStateModel.findById('demo').lean();
  return row ? { anchor: row.anchor, at: row.at } : null;
}

export async function saveDemoState(state: DemoState): Promise<void> {
  await DemoStateModel.updateOne({ _id: 'demo' }, { $set: state }, { upsert: true });
}

/**
 * Erases every collection this bot writes, for the demo starting over. Only ever called on the
 * demo's own database (see `demoDatabaseUri`), never on a contest's.
 */
export async function eraseDemoDatabase(): Promise<void> {
  const all = [...models, DemoStateModel] as unknown as Model<unknown>[];
  for (const m of all) await m.deleteMany({});
}
