export default defineContentScript({
  // Injected on demand through scripting.executeScript (activeTab), never declared for every site.
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main() {},
});
