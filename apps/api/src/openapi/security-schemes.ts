import type { DocumentBuilder } from '@nestjs/swagger';

/** Staff tokens (POST /v1/auth/staff/login) and portal users' tokens cannot stand in for each other. */
export const STAFF_SECURITY = 'staff';
export const PORTAL_USER_SECURITY = 'portalUser';

export function addSecuritySchemes(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A staff token from `POST /v1/auth/staff/login` (admins, agents, auditors).',
      },
      STAFF_SECURITY,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          "A portal user's token from `POST /v1/portals/{slug}/auth/login` (or accept-invitation): " +
          'valid for that portal only.',
      },
      PORTAL_USER_SECURITY,
    );
}
