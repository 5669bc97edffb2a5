import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { armeniaFixture } from './support.js';

const matcher = createMatcher(builtinTopics());
const fired = (ids: readonly { topicId: string }[]): string[] => ids.map((m) => m.topicId);

describe('the canonical article (Russian troops leave Armenia)', () => {
  const matches = matcher.match(armeniaFixture());

  it('alerts followers of Armenia, South Caucasus and Russia', () => {
    expect(fired(matches)).toEqual(expect.arrayContaining(['country:AM', 'region:south-caucasus', 'country:RU']));
  });

  it('does not fire Turkey, Iran or Georgia, each mentioned only in passing', () => {
    expect(fired(matches)).not.toContain('country:TR');
    expect(fired(matches)).not.toContain('country:IR');
    expect(fired(matches)).not.toContain('country:GE');
  });

  it('does not fire Azerbaijan or Karabakh, named only deep in the body', () => {
    expect(fired(matches)).not.toContain('country:AZ');
    expect(fired(matches)).not.toContain('conflict:nagorno-karabakh');
  });

  it('reaches South Caucasus through Armenia, with the path and the words that matched', () => {
    const region = matches.find((m) => m.topicId === 'region:south-caucasus');
    expect(region?.path).toEqual(['country:AM', 'region:south-caucasus']);
    expect(region?.name).toEqual({ ar: 'جنوب القوقاز', en: 'South Caucasus' });
    const armenia = matches.find((m) => m.topicId === 'country:AM');
    expect(armenia?.evidence).toContainEqual(expect.objectContaining({ text: 'أرمينية', zone: 'title', topicId: 'country:AM' }));
  });

  it('gives hashtags from the Arabic names', () => {
    const tags = matches.filter((m) => m.kind !== 'person').map((m) => `#${m.name.ar.replaceAll(' ', '_')}`);
    expect(tags).toEqual(expect.arrayContaining(['#أرمينيا', '#جنوب_القوقاز', '#روسيا']));
  });
});
