import type { Strings } from './strings.js';

/** Arabic UI strings (the default language). */
export const ar: Strings = {
  apology: 'عذرًا، حدث خطأ ما. حاول مرة أخرى بعد قليل.',
  slowDown: 'رسائل كثيرة في وقت قصير. انتظر قليلًا ثم حاول مجددًا.',
};
