import { matchRoute, PUBLIC_ROUTES } from './routes';

describe('matchRoute (the path after /portal/{slug}/)', () => {
  it.each([
    ['', { name: 'home' }],
    ['login', { name: 'login' }],
    ['/dashboard/', { name: 'dashboard' }],
    ['profile', { name: 'profile' }],
    ['consent', { name: 'consent' }],
    ['confirm-email', { name: 'confirm-email' }],
    ['records/Case', { name: 'list', entityType: 'Case' }],
    ['records/Case/new', { name: 'create', entityType: 'Case' }],
    ['records/Case/4f1c', { name: 'record', entityType: 'Case', id: '4f1c' }],
    ['records/Case/a%20b', { name: 'record', entityType: 'Case', id: 'a b' }],
  ])('%j is %j', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each([
    'records',
    'records/Case/1/extra',
    'records/1Case',
    'records/Ca-se',
    `records/${'A'.repeat(65)}`,
    'records/%E0%A4%A',
    'records/Case/%E0%A4%A',
    'admin',
    'login/again',
  ])('%j is not a page', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found' });
  });

  it('lets only the pages before login open without a session', () => {
    expect([...PUBLIC_ROUTES].sort()).toEqual(
      [
        'accept-invitation',
        'confirm-email',
        'forgot-password',
        'login',
        'logout',
        'not-found',
        'reset-password',
      ].sort(),
    );
    for (const name of ['home', 'dashboard', 'profile', 'consent', 'list', 'create', 'record'] as const)
      expect(PUBLIC_ROUTES.has(name)).toBe(false);
  });
});
