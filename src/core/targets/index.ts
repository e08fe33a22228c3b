// The exports of each target system: what the UI handlers and the CLI import.
export type { TokenSnapshot } from './common/context';
export { exportsFor, targetExports } from './exports-for';
export { exportsForProfile } from './token-snapshot';
export { safeFileName, writeExports } from './write-exports';
export { aemSignInNotices } from './aem/secret-limit';
