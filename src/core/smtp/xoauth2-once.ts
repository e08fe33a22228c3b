import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/**
 * XOAUTH2 with one fixed access token: exactly one AUTH command per login. nodemailer's
 * own XOAUTH2 answers a server's 334 error challenge (RFC 7628; Gmail, Dovecot, smtp-server)
 * by logging in a second time with the same token, which cannot work and doubles the
 * server's failure count and its lockout penalty (issue 11.17). Here the challenge gets
 * the one empty line it asks for, and the final reply decides.
 */
export function xoauth2Once(user: string, accessToken: string): SMTPConnection.CustomAuthenticationHandlers {
  return {
    XOAUTH2: async (ctx) => {
      const payload = Buffer.from(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString('base64');
      let reply = await ctx.sendCommand(`AUTH XOAUTH2 ${payload}`);
      // A server whose command line is too short for a token (Dovecot: "500 5.5.2 Line too
      // long") refused the line, not the login: send the same payload after its empty 334.
      if (reply.status === 500 || reply.status === 501) {
        const ready = await ctx.sendCommand('AUTH XOAUTH2');
        reply = ready.status === 334 ? await ctx.sendCommand(payload) : ready;
      }
      if (reply.status === 334) reply = await ctx.sendCommand('');
      // nodemailer turns this into EAUTH with the last reply, as for its own methods.
      if (reply.status !== 235) throw new Error('Invalid login');
      return true;
    },
  };
}
