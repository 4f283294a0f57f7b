/** Svelte compiler options for the web app (Vite plugin and svelte-check read this). */
export default {
  compilerOptions: { runes: true },
};
