// The method's fixed lists: the five circles of a life, the eigen mix's parts, and text limits.

export const CIRCLES = ['self', 'close', 'organisations', 'society', 'place'];
export const MIX_CATEGORIES = ['paid', 'care', 'volunteering', 'learning', 'rest'];
export const ENERGY_LEVELS = [1, 2, 3, 4, 5];
export const MAX_TEXT_LENGTH = 20000;
