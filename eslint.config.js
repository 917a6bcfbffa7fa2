import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['handlers/**/*.ts', 'models/**/*.ts', 'locales/**/*.ts'],
    rules: {
      // The core decides, the edge translates: nothing below bot/ may know a platform SDK.
      'no-restricted-imports': [
        'error',
        { patterns: ['grammy', 'grammy/*', '@grammyjs/*', 'vk-io', '../bot/*'] },
      ],
    },
  },
  {
    files: ['handlers/**/*.ts'],
    rules: {
      // handlers/ defines the ports it needs; models/ implements them, not the other way round.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'grammy',
            'grammy/*',
            '@grammyjs/*',
            'vk-io',
            'mongoose',
            '../models/*',
            '../bot/*',
          ],
        },
      ],
    },
  },
  {
    rules: {
      // A leading underscore marks what is left out on purpose (an argument, a destructured key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
);
