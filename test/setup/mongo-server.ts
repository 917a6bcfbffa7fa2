import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startMongoServer } from '../support/mongo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMongoServer();
  project.provide('mongoUri', server.uri);
  return server.stop;
}
