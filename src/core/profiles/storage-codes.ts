/**
 * Problem codes about this computer's data folder and profile file (all "environment":
 * exit 3 in the CLI). Kept free of imports so the CLI can classify them without loading more.
 */
export const STORAGE_CODES = [
  'DISK_READ_ONLY',
  'DISK_FULL',
  'DISK_NO_ACCESS',
  'DISK_NOT_A_FILE',
  'DISK_ERROR',
  'PROFILE_FILE_BUSY',
  'PROFILE_FILE_CORRUPT',
  'PROFILE_FILE_NEWER',
  'PROFILE_BACKUP_MISSING',
] as const;

export type StorageCode = (typeof STORAGE_CODES)[number];
