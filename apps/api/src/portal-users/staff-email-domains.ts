import { Injectable } from '@nestjs/common';

/**
 * The company's email domains, whose people may not become portal users (`staff_domain`), from
 * `STAFF_EMAIL_DOMAINS` (comma-separated, e.g. `acme.com,acme.de`; subdomains count too). Unset:
 * none. Not derived from the staff users' addresses: a staff member on a shared domain (gmail.com,
 * or example.com in a test setup) would lock every customer of that domain out.
 */
@Injectable()
export class StaffEmailDomains {
  private readonly domains: string[] = (process.env.STAFF_EMAIL_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter((d) => d !== '');

  // Async so a source that needs I/O (a settings aggregate) can replace the environment later.
  async current(): Promise<string[]> {
    return this.domains;
  }
}
