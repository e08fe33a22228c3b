// The emulator's notion of "now" (IdP token times, code/refresh-token expiry, SMTP token expiry).
// Starts at real time; tests move it to reach 90-day inactivity or sign-in-frequency limits.
export interface Clock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (ms) => {
      offset = ms - Date.now();
    },
  };
}
