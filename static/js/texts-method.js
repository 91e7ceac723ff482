// Dutch and English texts of the levensloopbaan method: eigen mix, kantelen, insights.

export const METHOD_TEXTS = {
  nl: {},
  en: {},
};
