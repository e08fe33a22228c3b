import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renewalReminderOf } from '../../../src/core/profiles/renewal-reminder';
import { refreshTokenRenewalOf } from '../../../src/shared/profile-lifecycle';
import { makeProfile } from '../smtp/fixtures';

describe('the refresh-token renewal reminder (issue 14.12)', () => {
  const signedIn = makeProfile({
    name: 'Contoso; AEM, notifications',
    targetId: 'aem',
    flow: 'delegated',
    tokenState: { refreshTokenStoredAt: '2026-12-01T10:00:00.000Z' },
  });

  it('says when the token stops working if the target keeps the first one, and when to renew', () => {
    expect(refreshTokenRenewalOf(signedIn)).toEqual({ stopsOn: '2027-03-01', renewBy: '2027-02-15' });
    expect(refreshTokenRenewalOf(makeProfile({ flow: 'app-only' }))).toBeUndefined();
    expect(refreshTokenRenewalOf(makeProfile({ flow: 'delegated', tokenState: {} }))).toBeUndefined();
  });

  it('is a calendar file that a calendar parser reads back: all-day event on the renew-by date, with an alarm', () => {
    const reminder = renewalReminderOf(signedIn, new Date('2026-12-01T10:05:00Z'));
    expect(reminder?.fileName).toBe('renew-refresh-token-Contoso-AEM-notifications.ics');
    const text = reminder?.content ?? '';
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('dtstart')?.toString()).toBe('2027-02-15');
    expect(event?.getFirstPropertyValue('summary')).toBe(
      'Renew the refresh token of "Contoso; AEM, notifications" (Adobe Experience Manager as a Cloud Service)',
    );
    const description = String(event?.getFirstPropertyValue('description'));
    expect(description).toContain('stops working on 2027-03-01');
    expect(description).toContain('SECRET_SMTP_OAUTH_REFRESH_TOKEN');
    expect(event?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
  });
});
