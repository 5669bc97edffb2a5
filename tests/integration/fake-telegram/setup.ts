/** Shared set-up for the fake's own tests: one fake and one grammY Api per file, records cleared per test. */
import { Api, GrammyError } from 'grammy';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';

export interface FakeUnderTest {
  readonly fake: FakeTelegram;
  readonly api: Api;
}

/** Starts a fake for the calling test file; read `.fake`/`.api` inside tests (they exist once beforeAll ran). */
export function useFakeTelegram(): FakeUnderTest {
  const holder: { fake?: FakeTelegram; api?: Api } = {};
  beforeAll(async () => {
    holder.fake = await startFakeTelegram();
    holder.api = new Api(holder.fake.token, { apiRoot: holder.fake.apiRoot });
  });
  afterAll(async () => {
    await holder.fake?.close();
  });
  beforeEach(() => holder.fake?.reset());
  return {
    get fake() {
      if (!holder.fake) throw new Error('the fake starts in beforeAll');
      return holder.fake;
    },
    get api() {
      if (!holder.api) throw new Error('the fake starts in beforeAll');
      return holder.api;
    },
  };
}

/** The error a call fails with (fails the test if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<unknown> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error;
}

/** The GrammyError a call fails with (fails the test if it succeeds). */
export async function refusal(call: Promise<unknown>): Promise<GrammyError> {
  const error = await failure(call);
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}
