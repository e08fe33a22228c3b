import { makeStaticStyles } from '@fluentui/react-components';

/** Page-level resets: the app fills the window and headings take Fluent's spacing only. */
export const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
  // Whatever takes focus is scrolled clear of the wizard's sticky Back/Next bar (about 64 px), with a message under it.
  html: { scrollPaddingBottom: '140px' },
  'h1, h2, h3, h4': { margin: 0 },
});
