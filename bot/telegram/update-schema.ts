import { z } from 'zod';

// The part of a Telegram update the bot reads, checked at the border. Telegram sends well-formed
// updates, but a webhook is an open door and a test can send anything: what does not fit is
// ignored, never half-read. NUL characters are dropped (some Mongo-wire servers cannot store them).

const text = z.string().transform((s) => s.replace(/\u0000/g, ''));
const fileId = z.string().min(1).max(256);

const user = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  is_bot: z.boolean(),
  first_name: text,
  last_name: text.optional(),
  language_code: z.string().max(35).optional(),
});

const file = z.object({
  file_id: fileId,
  file_unique_id: fileId,
  file_size: z.number().nonnegative().optional(),
});

const chat = z.object({ id: z.number().int(), type: z.string() });

export const messageSchema = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: text.optional(),
  photo: z.array(file).min(1).optional(),
  media_group_id: z.string().max(64).optional(),
  video: file.optional(),
  animation: z.unknown().optional(),
  sticker: z.unknown().optional(),
  voice: z.unknown().optional(),
  video_note: file.optional(),
  document: z.unknown().optional(),
  audio: z.unknown().optional(),
  /** A shared phone number (the contact button of rules.requirePhone). */
  contact: z
    .object({ phone_number: z.string().max(32), user_id: z.number().int().optional() })
    .optional(),
});

export const updateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  callback_query: z
    .object({
      id: z.string().min(1),
      from: user,
      data: text.optional(),
      message: z
        .object({
          message_id: z.number().int(),
          chat,
          photo: z.array(file).min(1).optional(),
          video: file.optional(),
        })
        .optional(),
    })
    .optional(),
});

export type CheckedUpdate = z.infer<typeof updateSchema>;
export type CheckedMessage = z.infer<typeof messageSchema>;
