import { defineConfig } from "vite";

// The console is served by Trent's admin listener under /console/ (see trent.server.admin.Console).
export default defineConfig({
  root: "src/main/web",
  base: "/console/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    reportCompressedSize: false,
  },
});
