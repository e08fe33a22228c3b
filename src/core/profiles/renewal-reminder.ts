import ICAL from 'ical.js';
import type { Profile } from '../../shared/profile';
import { refreshTokenRenewalOf, type RefreshTokenRenewal } from '../../shared/profile-lifecycle';
import { targetPreset } from '../../shared/targets';

/**
 * A calendar file (RFC 5545, built with ical.js) that reminds whoever keeps the target
 * system running to renew its refresh token before it stops working: an all-day event on
 * the renew-by date with an alarm, saying what to do. Undefined when there is no
 * refresh token to renew (app-only, or before the first sign-in).
 */
export interface RenewalReminder {
  readonly fileName: string;
  readonly content: string;
  readonly renewal: RefreshTokenRenewal;
}

export function renewalReminderOf(profile: Profile, now: Date = new Date()): RenewalReminder | undefined {
  const renewal = refreshTokenRenewalOf(profile);
  if (!renewal) return undefined;
  const target = targetPreset(profile.targetId).label;
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//SMTP OAuth Wizard//Refresh token reminder//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', `refresh-token-${profile.id}@smtp-oauth-wizard`);
  event.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  event.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(renewal.renewBy));
  event.updatePropertyWithValue('summary', `Renew the refresh token of "${profile.name}" (${target})`);
  event.updatePropertyWithValue(
    'description',
    [
      `The refresh token given to ${target} for ${profile.mailbox} stops working on ${renewal.stopsOn} if ${target} keeps using that token instead of the new one it receives at each refresh.`,
      `Before then: open SMTP OAuth Wizard, open "${profile.name}", press Sign in again, then put the new refresh token where ${target} reads it (for AEM: the Cloud Manager secret variable SECRET_SMTP_OAUTH_REFRESH_TOKEN, then run the pipeline) and check that mail still goes out.`,
    ].join('\n\n'),
  );
  const alarm = new ICAL.Component('valarm');
  alarm.updatePropertyWithValue('action', 'DISPLAY');
  alarm.updatePropertyWithValue('description', `Renew the refresh token of "${profile.name}"`);
  alarm.updatePropertyWithValue('trigger', ICAL.Duration.fromString('PT9H'));
  event.addSubcomponent(alarm);
  calendar.addSubcomponent(event);
  // ical.js folds at foldLength characters plus the continuation's leading space; RFC 5545 wants
  // lines of at most 75 octets, so fold one earlier (the texts above are ASCII but for the names).
  ICAL.foldLength = 74;
  const safeName = profile.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
  return { fileName: `renew-refresh-token-${safeName}.ics`, content: `${calendar.toString()}\r\n`, renewal };
}
