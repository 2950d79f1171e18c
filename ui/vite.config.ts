import { defineConfig } from "vite";

// Preact through the automatic JSX runtime (no preset plugin needed).
// Everything is bundled: the app runs offline under a strict CSP.
export default defineConfig({
  base: "./",
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { port: 1420, strictPort: true },
  clearScreen: false,
});
