/** What a role's levels mean, for the OpenAPI description of the role endpoints. */
export const PORTAL_ROLE_PERMISSIONS_DESCRIPTION = [
  'Per entity type, `create` is `yes`/`no`; `read`, `edit`, `delete`, `stream` and `share` (make share ',
  'links for people without an account) are `all`, `account`, `contact`, `own` or `no` (missing: `no`). Several roles merge: per action the widest level wins. `fields` restrict ',
  'single fields (`{ read, edit }`, each `yes`/`no`); a field no role mentions is open.\n\n',
  '**Create without read** (`create: yes`, `read: no`), as in EspoCRM: the portal user may file records ',
  'of the type that they cannot see afterwards. The fields they send are judged by the field-level ',
  'entries alone (a field a role hides or makes read-only is refused with 403 `field_read_only`, as are ',
  'fields portal users never set); the 201 answer is `{ id }` only, and the record is then 404 to them ',
  'and absent from their lists.',
].join('');
