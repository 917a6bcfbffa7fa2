import { Schema } from 'mongoose';

export const mediaSchema = new Schema(
  {
    type: { type: String, enum: ['photo', 'video'], required: true },
    platform: { type: String, enum: ['telegram', 'vk', 'terminal'], required: true },
    fileId: { type: String, required: true },
    uniqueId: { type: String, required: true },
    sizeBytes: { type: Number },
  },
  { _id: false },
);
