import { describe, expect, it } from 'vitest';
import type { StoryFeatures } from '../../../src/core/story/features.js';
import { MAX_UPDATES } from '../../../src/core/story/decide.js';
import { createStoryWindow, type StoryWindow } from '../../../src/core/story/window.js';
import { prepared } from './pairs-support.js';

const file = (w: StoryWindow, id: string, as?: string, features: Partial<StoryFeatures> = {}) => {
  const p = prepared.get(id)!;
  return w.assign(as ?? p.article.id, { ...p.storyFeatures!, ...features }, p.fingerprint.signature, p.article.publishedAt);
};

describe('the story window', () => {
  it('joins other outlets of the earthquake and alerts a higher death toll as an update', () => {
    const w = createStoryWindow();
    const first = file(w, 'quake-tr-alain');
    expect(first.decision.kind).toBe('new');
    expect(file(w, 'quake-tr-alyaoum24').decision).toMatchObject({ kind: 'join', storyId: first.story.id });
    // 1498 killed against the 500 the story reported.
    expect(file(w, 'quake-tr-echorouk').decision).toMatchObject({ kind: 'update', why: 'count', storyId: first.story.id });
  });

  it('alerts a headline saying عاجل as an update when the story was not breaking yet', () => {
    const w = createStoryWindow();
    file(w, 'haniyeh-aswat');
    // «عاجل.. حماس تعلن اغتيال إسماعيل هنية في مقر إقامته بطهران»
    expect(file(w, 'haniyeh-elaosboa').decision).toMatchObject({ kind: 'update', why: 'headline' });
    expect(file(w, 'haniyeh-dailybeirut').decision.kind).toBe('join');
  });

  it('stops alerting updates of one story after MAX_UPDATES', () => {
    const w = createStoryWindow();
    file(w, 'quake-tr-alain');
    // Each copy's headline says تحديث.
    const kinds = Array.from({ length: MAX_UPDATES + 2 }, (_, i) => file(w, 'quake-tr-echorouk', `u${i}`, { updateWord: true }).decision.kind);
    expect(kinds.filter((k) => k === 'update')).toHaveLength(MAX_UPDATES);
  });

  it('keeps at most maxStories, dropping the stalest first', () => {
    const w = createStoryWindow({ maxStories: 3 });
    for (const id of ['quake-tr-alain', 'quake-ma-wafa', 'derna-shorouk', 'raisi-dogruhaber', 'pezeshkian-almashhad']) file(w, id);
    expect(w.size).toBeLessThanOrEqual(3);
  });
});
