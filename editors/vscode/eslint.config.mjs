// @ts-check
import eslint from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["out/", "node_modules/", "*.vsix"] },
  eslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The packaging test and the code-server driver run in plain Node.js as CommonJS.
    files: ["test/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { process: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
  },
  {
    // The config file itself runs in Node as an ES module and is not part of the TS project.
    files: ["eslint.config.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
