import type { NewSetupDefaults } from '../../../shared/settings';

/** When settings cannot be read: Microsoft's global cloud and Graph Command Line Tools. */
export const newSetupDefaultsSchemaDefaults: NewSetupDefaults = {
  cloud: 'global',
  customAuthorityHost: '',
  customGraphHost: '',
  smtpHost: '',
  extraCaPem: '',
  adminClientId: '',
};
