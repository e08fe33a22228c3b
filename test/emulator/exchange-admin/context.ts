// What the Exchange admin REST stand-in works on: the live directory the IdP and SMTP server share.
import { type Clock } from '../clock';
import { type Directory } from '../directory';
import { type Propagation } from './propagation';
import { type ExchangeAdminSwitches } from './switches';

export interface ExchangeAdminContext {
  readonly directory: Directory;
  readonly clock: Clock;
  readonly signingCertPem: string;
  readonly switches: ExchangeAdminSwitches;
  readonly propagation: Propagation;
  /** 'https://127.0.0.1:PORT': the IdP's host, which stands in for outlook.office365.com too. */
  host(): string;
}
