export default defineBackground(() => {
  // Filled in by the extension issue: search index, message router, side panel behaviour.
});
