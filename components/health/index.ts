// Public API of components/health: the library health view (coverage grid, stale and conflicting entries).
export { LibraryHealth } from './library-health';
