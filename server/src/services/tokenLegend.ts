/** The semantic token legend: declared in the initialize answer, apart from the tokenizer (semanticTokens.ts). */
export const TOKEN_TYPES = [
  'namespace',
  'property',
  'operator',
  'string',
  'number',
  'enumMember',
  'macro',
  'comment',
  'type',
] as const;
export const TOKEN_MODIFIERS = ['deprecated'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
