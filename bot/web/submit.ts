import { createHash, randomUUID } from 'node:crypto';
import { handleEvent, type Deps } from '../../handlers/index.js';
import type { DraftStep } from '../../handlers/ports.js';
import type { Actor, Input, Media, Reply } from '../../handlers/protocol.js';
import { translate } from '../../locales/index.js';
import type { MediaLibrary } from '../media-library.js';
import { splitReplies } from '../replies.js';
import { sniffType } from './media-type.js';

// A deed told in the Mini App's form goes through the same conversation as in the chat: the
// form's fields are fed to the core as the answers to its questions, in the order the draft asks
// for them, so every rule (dates, limits per person, story length, photos, consent) and the
// moderation are the chat's own. The first answer the core does not accept ends it, with the
// core's own words for why.

export interface DeedForm {
  kind: 'own' | 'nomination';
  nominee: string;
  story: string;
  city: string;
  category: string;
  consent: boolean;
  files: { bytes: Buffer; type: string }[];
}

export interface Submitted {
  ok: boolean;
  /** What the core said last: the thanks, or why it stopped. */
  message: string;
}

/** The kind of a file, from its first bytes (a photo, an MP4 video), or null. */
export function mediaKindOf(bytes: Buffer): 'photo' | 'video' | null {
  const type = sniffType(bytes);
  return type?.startsWith('image/') ? 'photo' : type?.startsWith('video/') ? 'video' : null;
}

export async function submitFromWeb(
  deps: Deps,
  library: MediaLibrary,
  actor: Actor,
  form: DeedForm,
): Promise<Submitted> {
  const nonce = randomUUID();
  let n = 0;
  let last: Reply[] = [];
  /** One answer, as an update of its own; what it says to others goes to the outbox. */
  const answer = async (input: Input): Promise<void> => {
    n += 1;
    const replies = await handleEvent({ actor, input, id: `web:${nonce}:${n}` }, deps);
    const { own, outbox } = splitReplies(actor, replies, `web:${nonce}:${n}`);
    await deps.outbox.enqueue(outbox);
    last = own;
  };
  const said = (): string =>
    last
      .flatMap((r) =>
        // What the core said, without a press's bare acknowledgement.
        (r.view.kind === 'text' || r.view.kind === 'notice') && r.view.text.key !== 'button-ok'
          ? [translate(r.lang, r.view.text)]
          : [],
      )
      .join('\n');
  const stepNow = async (): Promise<DraftStep | null> =>
    (await deps.stores.drafts.get(actor))?.step ?? null;
  const stop = async (message: string): Promise<Submitted> => {
    // Nothing half-told is left behind for the chat to resume.
    await deps.stores.drafts.delete(actor);
    return { ok: false, message };
  };

  await answer({ kind: 'command', name: form.kind === 'own' ? 'submit' : 'nominate', arg: '' });
  for (let guard = 0; guard < 12; guard += 1) {
    const step = await stepNow();
    if (!step) return stop(said());
    if (step === 'summary') break;
    switch (step) {
      case 'nominee':
        await answer({ kind: 'text', text: form.nominee });
        break;
      case 'story':
        await answer({ kind: 'text', text: form.story });
        break;
      case 'city':
        await answer({ kind: 'text', text: form.city });
        break;
      case 'category':
        await answer({ kind: 'button', data: `d:cat:${form.category}` });
        break;
      case 'consent':
        if (!form.consent)
          return stop(translate(actorLang(last, deps), { key: 'web-consent-needed' }));
        await answer({ kind: 'button', data: 'd:ok' });
        break;
      case 'media': {
        for (const [index, file] of form.files.entries()) {
          const media = await keep(library, file, index);
          if (!media) return stop(translate(actorLang(last, deps), { key: 'web-file-type' }));
          await answer(
            media.type === 'video'
              ? { kind: 'video', media }
              : {
                  kind: 'photo',
                  media,
                  album: { id: nonce, index, size: form.files.length },
                },
          );
        }
        if ((await stepNow()) === 'media') await answer({ kind: 'button', data: 'd:done' });
        break;
      }
    }
    // Not accepted: the core asked again, and said why.
    if ((await stepNow()) === step) return stop(said());
  }
  await answer({ kind: 'button', data: 'd:send' });
  const made = (await stepNow()) === null;
  return made ? { ok: true, message: said() } : stop(said());
}

function actorLang(replies: Reply[], deps: Deps) {
  return replies[0]?.lang ?? deps.campaign.defaultLanguage;
}

/** Keeps an uploaded file's bytes beside the other platforms' media, under its content's hash. */
async function keep(
  library: MediaLibrary,
  file: { bytes: Buffer; type: string },
  index: number,
): Promise<Media | null> {
  const kind = mediaKindOf(file.bytes);
  if (!kind) return null;
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const media: Media = {
    type: kind,
    platform: 'web',
    fileId: `web-${sha}-${index}`,
    uniqueId: sha,
    sizeBytes: file.bytes.length,
  };
  await library.keep(media, file.bytes, file.type);
  return media;
}
