/** The conversation page's on-demand parts of this feature, loaded together after its first paint. */
export { ActionsPanel } from './actions-panel';
export { NotesPanel } from './notes-panel';
