// Exchange admin REST errors (§14.1.4): the "Error executing cmdlet" envelope with a pipe-delimited
// `details[0].message` (`<error id>|<exception type>|<message>`) and an X-ExceptionType header.
// Error ids other than Ex6F9304 (object not found, observed) and the texts marked below are the
// emulator's own: Microsoft does not publish them.
import { json, type Reply } from '../idp/http';

/** The server name Exchange puts into "couldn't be found on '…'" (§14.1.4). */
export const SERVER = 'EMULATOR01A001.PROD.OUTLOOK.COM';

export class CmdletError extends Error {
  constructor(
    readonly status: number,
    readonly errorId: string,
    readonly exceptionType: string,
    message: string,
    readonly code = 'BadRequest',
  ) {
    super(message);
  }
}

/** An HTTP-level refusal before any cmdlet runs (token, audience, tenant, role). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TASKS = 'Microsoft.Exchange.Configuration.Tasks';

export const cmdletErrors = {
  /** Observed text and id (§14.1.4, §14.2.7). */
  notFound: (identity: string) =>
    new CmdletError(
      404,
      'Ex6F9304',
      `${TASKS}.ManagementObjectNotFoundException`,
      `The operation couldn't be performed because object '${identity}' couldn't be found on '${SERVER}'.`,
      'NotFound',
    ),
  /** The module's wording for a cmdlet the caller's roles do not expose (§14.1.3, PR #301). */
  notRecognized: (cmdlet: string) =>
    new CmdletError(
      400,
      'Ex0E2A55',
      'System.Management.Automation.CommandNotFoundException',
      `The term '${cmdlet}' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    ),
  /** PowerShell's own parameter-binding texts. */
  missing: (names: readonly string[]) =>
    new CmdletError(
      400,
      'Ex5A9E31',
      'System.Management.Automation.ParameterBindingException',
      `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
    ),
  unknownParameter: (name: string) =>
    new CmdletError(
      400,
      'Ex5A9E32',
      'System.Management.Automation.ParameterBindingException',
      `A parameter cannot be found that matches parameter name '${name}'.`,
    ),
  badValue: (name: string, value: unknown, expected: string) =>
    new CmdletError(
      400,
      'Ex5A9E33',
      'System.Management.Automation.ParameterBindingException',
      `Cannot bind parameter '${name}'. Cannot convert value "${String(value)}" to type "${expected}".`,
    ),
  /** CIPP only matches "already exist" (§14.2.1); the full text is [UNCONFIRMED]. */
  alreadyExists: (what: string) =>
    new CmdletError(409, 'ExB4C2D1', `${TASKS}.ManagementObjectAlreadyExistsException`, `${what} already exists.`),
  invalid: (message: string) => new CmdletError(400, 'Ex7D11F0', `${TASKS}.TaskArgumentException`, message),
};

export function cmdletErrorReply(e: CmdletError): Reply {
  return json(
    e.status,
    {
      error: {
        code: e.code,
        message: 'Error executing cmdlet',
        details: [{ code: 'Client', target: '', message: `${e.errorId}|${e.exceptionType}|${e.message}` }],
        innererror: {
          message: 'Error executing cmdlet',
          type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException',
          stacktrace: '   at Microsoft.Exchange.AdminApi.CommandInvocation.CommandInvoker.InvokeCommand()',
        },
      },
    },
    { 'X-ExceptionType': e.exceptionType.split('.').pop() ?? e.exceptionType },
  );
}

export function httpErrorReply(e: HttpError): Reply {
  const headers: Record<string, string> =
    e.status === 401
      ? { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="' + e.message + '"' }
      : {};
  return json(e.status, { error: { code: e.code, message: e.message } }, headers);
}
